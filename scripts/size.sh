#!/usr/bin/env bash
# Bytes a page loads for one widget: raw and gzip -9, per file and in all. Run after `make build`.
#   scripts/size.sh                 print the table
#   scripts/size.sh --budget KIB    also fail when the gzipped total is over KIB KiB
set -euo pipefail
budget=""
if [[ "${1:-}" == "--budget" ]]; then budget="${2:?--budget needs a number of KiB}"; fi
cd "$(dirname "$0")/../www"
total_raw=0; total_gz=0
for f in embed.js widget.css pkg/sector_charts.js pkg/sector_charts_bg.wasm; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -n -c "$f" | wc -c)
  printf '%-28s %8d bytes  %7d gzipped\n' "$f" "$raw" "$gz"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
done
printf '%-28s %8d bytes  %7d gzipped (%d KiB)\n' "total" "$total_raw" "$total_gz" $((total_gz / 1024))
if [[ -n "$budget" ]]; then
  limit=$((budget * 1024))
  if (( total_gz > limit )); then
    echo "size budget exceeded: ${total_gz} bytes gzipped is over ${budget} KiB (${limit} bytes)" >&2
    exit 1
  fi
  echo "size budget: ${total_gz} of ${limit} bytes gzipped"
fi
