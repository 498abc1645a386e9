//! The .wasm's memory allocator: blocks in power-of-two size classes up to a page (64 KiB) and
//! whole pages above, a free list per class and one for the large blocks, and fresh blocks cut
//! from the end of the heap, which grows a page at a time when it must.
//!
//! It replaces std's dlmalloc, about 7.5 KB of the .wasm (this is well under 1 KB). Freed blocks
//! go back to their class's list and the next allocation of that class takes them; they are
//! never split or merged. That suits a widget, which allocates the same shapes again and again
//! (a view change frees what the next one needs), so memory stays flat and every allocation or
//! free is a handful of instructions. The price is up to half a small block unused, because sizes
//! are rounded up to a power of two; the built-in data's heap is small, and bench/run.mjs checks
//! that memory does not grow over 1,000 view changes. Large blocks (an editor's file, a list of
//! 10,000 indicators) are rounded to whole pages instead, and a freed one is taken again by a
//! request of the same number of pages.
//!
//! The logic ([`Heap`]) takes its memory from a [`Grow`], so the tests run it natively on a
//! buffer; in the browser [`WasmPages`] grows the wasm memory.

use core::alloc::Layout;
use core::ptr::null_mut;

/// The smallest block holds the free list's link (a pointer).
const MIN_BLOCK: usize = core::mem::size_of::<usize>();
/// Stricter alignments are refused (nothing in the widget asks for one).
pub const MAX_ALIGN: usize = 16;
const CLASSES: usize = usize::BITS as usize;
/// Requests above this are whole pages, not powers of two: a 1.4 MB file would take 2 MiB.
const PAGE: usize = 65536;

/// What a request takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// A power-of-two block: log2 of its size.
    Class(usize),
    /// This many whole pages.
    Pages(usize),
}

/// Where a heap gets more memory.
pub trait Grow {
    /// At least `bytes` more bytes: the start and end of the new region, or `None` when there is
    /// no more memory.
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

/// Power-of-two blocks with one free list per size class, and whole-page blocks on one list.
pub struct Heap<G> {
    /// The first free block of each class (by log2 of its size); each free block's first word
    /// points to the next.
    free: [*mut u8; CLASSES],
    /// The first free large block; each one's first word points to the next, its second holds
    /// its number of pages.
    large: *mut u8,
    /// The unused part of the newest region: blocks are cut from `next` up to `end`.
    next: usize,
    end: usize,
    grow: G,
}

impl<G: Grow> Heap<G> {
    pub const fn new(grow: G) -> Heap<G> {
        Heap {
            free: [null_mut(); CLASSES],
            large: null_mut(),
            next: 0,
            end: 0,
            grow,
        }
    }

    /// The block that holds a request's size and alignment.
    fn block(layout: Layout) -> Option<Block> {
        if layout.align() > MAX_ALIGN {
            return None;
        }
        let size = layout.size().max(layout.align()).max(MIN_BLOCK);
        if size > PAGE {
            return Some(Block::Pages(size.div_ceil(PAGE)));
        }
        Some(Block::Class(
            size.checked_next_power_of_two()?.trailing_zeros() as usize,
        ))
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`: the block must be given back with the same layout.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let class = match Self::block(layout) {
            Some(Block::Class(class)) => class,
            // SAFETY: as the caller promised.
            Some(Block::Pages(pages)) => return unsafe { self.alloc_pages(pages) },
            None => return null_mut(),
        };
        let Some(head) = self.free.get_mut(class) else {
            return null_mut();
        };
        if !head.is_null() {
            let block = *head;
            // SAFETY: a free block's first word is the link written by `dealloc`.
            *head = unsafe { block.cast::<*mut u8>().read() };
            return block;
        }
        self.carve(1 << class)
    }

    /// A freed large block of exactly `pages` pages, else a fresh one.
    unsafe fn alloc_pages(&mut self, pages: usize) -> *mut u8 {
        let mut link: *mut *mut u8 = &mut self.large;
        // SAFETY: every block on the list was freed by `dealloc`, which wrote both words.
        unsafe {
            while !(*link).is_null() {
                let block = *link;
                if block.cast::<usize>().add(1).read() == pages {
                    *link = block.cast::<*mut u8>().read();
                    return block;
                }
                link = block.cast::<*mut u8>();
            }
        }
        match pages.checked_mul(PAGE) {
            Some(size) => self.carve(size),
            None => null_mut(),
        }
    }

    /// A fresh block of `size` bytes (a power of two or whole pages), aligned to its size up to
    /// `MAX_ALIGN`.
    fn carve(&mut self, size: usize) -> *mut u8 {
        let align = size.min(MAX_ALIGN);
        let Some(start) = self.next.checked_add(align - 1).map(|n| n & !(align - 1)) else {
            return null_mut();
        };
        let Some(end) = start.checked_add(size) else {
            return null_mut();
        };
        if end > self.end {
            let Some((from, to)) = self.grow.grow(end - self.end) else {
                return null_mut();
            };
            if from != self.end {
                // Not next to the old region (the first call, or memory grown by someone
                // else): the rest of the old one is left unused.
                self.next = from;
                self.end = to;
                return self.carve(size);
            }
            self.end = to;
        }
        self.next = end;
        start as *mut u8
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`: `block` came from `alloc` with this layout.
    pub unsafe fn dealloc(&mut self, block: *mut u8, layout: Layout) {
        let head = match Self::block(layout) {
            Some(Block::Class(class)) => self.free.get_mut(class),
            Some(Block::Pages(pages)) => {
                // SAFETY: a large block is at least a page: room for both words.
                unsafe { block.cast::<usize>().add(1).write(pages) };
                Some(&mut self.large)
            }
            None => None,
        };
        let Some(head) = head else {
            return;
        };
        // SAFETY: the block is at least a pointer wide and aligned to one.
        unsafe { block.cast::<*mut u8>().write(*head) };
        *head = block;
    }

    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub unsafe fn realloc(&mut self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return null_mut();
        };
        // The block already holds any size of its class.
        if Self::block(layout) == Self::block(new_layout) {
            return block;
        }
        // SAFETY: as the caller promised for `block`; the new block is fresh.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                core::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}

/// The wasm linear memory, grown by whole 64 KiB pages.
#[cfg(target_arch = "wasm32")]
pub struct WasmPages;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmPages {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        const PAGE: usize = 65536;
        let pages = bytes.div_ceil(PAGE);
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then(|| (old * PAGE, (old + pages) * PAGE))
    }
}

/// The global allocator of the .wasm.
#[cfg(target_arch = "wasm32")]
pub struct PageAllocator(core::cell::UnsafeCell<Heap<WasmPages>>);

// SAFETY: wasm32-unknown-unknown is built without threads: one thread ever touches the heap,
// and the heap calls nothing that allocates.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for PageAllocator {}

#[cfg(target_arch = "wasm32")]
impl PageAllocator {
    pub const fn new() -> PageAllocator {
        PageAllocator(core::cell::UnsafeCell::new(Heap::new(WasmPages)))
    }
}

#[cfg(target_arch = "wasm32")]
impl Default for PageAllocator {
    fn default() -> PageAllocator {
        PageAllocator::new()
    }
}

#[cfg(target_arch = "wasm32")]
unsafe impl core::alloc::GlobalAlloc for PageAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread (above), and no call here re-enters the allocator.
        unsafe { (*self.0.get()).alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(block, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(block, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Memory handed out from a buffer in regions of at least `step` bytes, like wasm pages.
    struct Buffer {
        words: Vec<u128>,
        used: usize,
        step: usize,
        /// Leaves a hole before each region, to exercise a heap that is not contiguous.
        gap: usize,
    }

    impl Grow for &mut Buffer {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let bytes = bytes.div_ceil(self.step) * self.step;
            let start = self.used + self.gap;
            if start + bytes > self.words.len() * 16 {
                return None;
            }
            self.used = start + bytes;
            let base = self.words.as_mut_ptr() as usize;
            Some((base + start, base + start + bytes))
        }
    }

    fn buffer(bytes: usize, step: usize, gap: usize) -> Buffer {
        Buffer {
            words: vec![0; bytes / 16],
            used: 0,
            step,
            gap,
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused_by_their_class() {
        let mut memory = buffer(1 << 16, 4096, 0);
        let mut heap = Heap::new(&mut memory);
        unsafe {
            let a = heap.alloc(layout(24, 8));
            let b = heap.alloc(layout(1, 1));
            let c = heap.alloc(layout(16, 16));
            assert_eq!(c as usize % 16, 0);
            assert_eq!(a as usize % 8, 0);
            // 24 bytes take a 32-byte block: the next block starts past it.
            assert!((b as usize) >= a as usize + 32 || (b as usize) + 8 <= a as usize);
            heap.dealloc(a, layout(24, 8));
            // Any request of the class gets the freed block back; another class does not.
            assert_eq!(heap.alloc(layout(20, 4)), a);
            let d = heap.alloc(layout(32, 8));
            assert_ne!(d, a);
            // A realloc within the class keeps the block; past it, the bytes move.
            let e = heap.realloc(d, layout(32, 8), 17);
            assert_eq!(e, d);
            e.write_bytes(7, 17);
            let f = heap.realloc(e, layout(17, 8), 100);
            assert_ne!(f, e);
            assert_eq!(std::slice::from_raw_parts(f, 17), &[7; 17]);
        }
    }

    #[test]
    fn refuses_what_it_cannot_give() {
        let mut memory = buffer(1 << 12, 1024, 0);
        let mut heap = Heap::new(&mut memory);
        unsafe {
            assert!(heap.alloc(layout(8, 32)).is_null(), "alignment over 16");
            assert!(
                heap.alloc(layout(1 << 13, 8)).is_null(),
                "more than the memory"
            );
            assert!(!heap.alloc(layout(1 << 10, 8)).is_null());
        }
    }

    /// Thousands of allocations, frees and reallocs with a fixed-seed LCG; every live block
    /// keeps a pattern of its own, checked before it is freed: no block overlaps another.
    #[test]
    fn churn_keeps_every_live_block_intact() {
        let mut memory = buffer(1 << 26, 65536, 48);
        let mut heap = Heap::new(&mut memory);
        let mut random = crate::test_random::Lcg::new(42);
        let mut next = |below: u64| random.below(below);
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        unsafe {
            for step in 0..20_000u32 {
                let check = |&(block, layout, mark): &(*mut u8, Layout, u8)| {
                    let bytes = std::slice::from_raw_parts(block, layout.size());
                    assert!(bytes.iter().all(|&b| b == mark), "block overwritten");
                };
                match next(10) {
                    0..=4 => {
                        // Mostly small, some past a page (whole-page blocks).
                        let bound = match next(40) {
                            0 => 300_000,
                            1 | 2 => 20_000,
                            _ => 200,
                        };
                        let size = 1 + next(bound) as usize;
                        let align = 1 << next(5);
                        let l = layout(size, align);
                        let block = heap.alloc(l);
                        assert!(!block.is_null());
                        assert_eq!(block as usize % align, 0);
                        let mark = step as u8;
                        block.write_bytes(mark, size);
                        live.push((block, l, mark));
                    }
                    5..=7 if !live.is_empty() => {
                        let item = live.swap_remove(next(live.len() as u64) as usize);
                        check(&item);
                        heap.dealloc(item.0, item.1);
                    }
                    _ if !live.is_empty() => {
                        let at = next(live.len() as u64) as usize;
                        let (block, l, mark) = live[at];
                        check(&live[at]);
                        let size = 1 + next(400) as usize;
                        let moved = heap.realloc(block, l, size);
                        assert!(!moved.is_null());
                        let kept = std::slice::from_raw_parts(moved, l.size().min(size));
                        assert!(kept.iter().all(|&b| b == mark), "realloc lost bytes");
                        moved.write_bytes(mark, size);
                        live[at] = (moved, layout(size, l.align()), mark);
                    }
                    _ => {}
                }
            }
            live.iter().for_each(|item| {
                let bytes = std::slice::from_raw_parts(item.0, item.1.size());
                assert!(bytes.iter().all(|&b| b == item.2));
            });
        }
    }

    #[test]
    fn large_blocks_take_whole_pages_and_come_back_by_their_page_count() {
        let mut memory = buffer(1 << 22, 65536, 0);
        let mut heap = Heap::new(&mut memory);
        unsafe {
            // 140,000 bytes take 3 pages (192 KiB), not a 256 KiB power of two.
            let a = heap.alloc(layout(140_000, 8));
            let b = heap.alloc(layout(70_000, 8));
            assert_eq!(b as usize - a as usize, 3 * PAGE);
            heap.dealloc(a, layout(140_000, 8));
            heap.dealloc(b, layout(70_000, 8));
            // Same page count: the freed block; another count: not that one.
            assert_eq!(heap.alloc(layout(131_073, 16)), a);
            assert_eq!(heap.alloc(layout(65_537, 8)), b);
            let c = heap.alloc(layout(70_000, 8));
            assert!(c != a && c != b);
            // A large block grows within its pages in place.
            assert_eq!(heap.realloc(c, layout(70_000, 8), 130_000), c);
        }
    }

    /// Freeing and allocating the same shapes again takes no new memory.
    #[test]
    fn the_same_work_twice_takes_no_more_memory() {
        let mut memory = buffer(1 << 23, 4096, 0);
        let used_after = |memory: &mut Buffer, rounds: usize| {
            let mut heap = Heap::new(&mut *memory);
            unsafe {
                for _ in 0..rounds {
                    let blocks: Vec<(*mut u8, Layout)> = (1..200)
                        .map(|i| layout(if i % 50 == 0 { i * 3000 } else { i * 7 }, 8))
                        .map(|l| (heap.alloc(l), l))
                        .collect();
                    for (block, l) in blocks {
                        assert!(!block.is_null());
                        heap.dealloc(block, l);
                    }
                }
            }
        };
        used_after(&mut memory, 1);
        let once = memory.used;
        memory.used = 0;
        used_after(&mut memory, 50);
        assert_eq!(memory.used, once);
    }
}
