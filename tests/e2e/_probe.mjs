import { launch, startServer, openExplorer, PHONE, slicePoints, state, tooltip } from './helpers.mjs';
const browser = await launch(); const site = await startServer();
const { page, context } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&lang=en', PHONE);
const points = await slicePoints(page);
await page.evaluate(() => { window.seen = []; for (const t of ['pointerdown','pointerup','pointercancel','pointermove','click','scroll','touchstart']) window.addEventListener(t, e => seen.push(t+':'+(e.pointerType??'')), true); });
const cdp = await page.context().newCDPSession(page);
const {x, y} = points[0];
await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
for (let i = 1; i <= 10; i++) { await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 20 }] }); }
await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
await page.waitForTimeout(300);
console.log(await page.evaluate(() => [scrollY, seen.join(' ')]), await state(page), await tooltip(page));
await browser.close(); await site.close();
