#!/usr/bin/env bash
# Builds rvhv's small riscv64 Linux kernel from Debian's linux-source-6.1,
# with the project's config fragment (../linux/rvhv.config) and an embedded
# initramfs holding the project's init program (../linux/init.c).
#
#   build-linux.sh <out-dir>
#
# <out-dir> is the cache entry to create; it is named after a hash of this
# script and its inputs, which the caller computes (linux-recipe.ts, through
# `pnpm --filter @rvhv/guests prepare-guests`). The entry appears only when
# complete (built in <out-dir>.tmp, then renamed), so a half-done build never
# looks cached. When it exists already, this does nothing.
#
# Environment (all optional):
#   RVHV_LINUX_TARBALL     default /usr/src/linux-source-6.1.tar.xz
#   RVHV_LINUX_SOURCE_DIR  where the tarball is unpacked once and shared by
#                          all builds (kept pristine: builds use O=);
#                          default <out-dir>/../linux-source-6.1
#   RVHV_JOBS              make -j, default 2
#
# Output in <out-dir>: Image (boot with OpenSBI fw_dynamic/fw_jump), vmlinux
# (symbols, for debugging), System.map, config (the final .config), init
# (the static init program), initramfs.list, rvhv.config (the fragment as
# merged), build-info.txt, build.log.
set -euo pipefail

out="${1:?usage: build-linux.sh <out-dir>}"
here="$(cd "$(dirname "$0")" && pwd)"
linux_dir="$here/../linux"
tarball="${RVHV_LINUX_TARBALL:-/usr/src/linux-source-6.1.tar.xz}"
out="$(mkdir -p "$(dirname "$out")" && cd "$(dirname "$out")" && pwd)/$(basename "$out")"
cache="$(dirname "$out")"
src="${RVHV_LINUX_SOURCE_DIR:-$cache/linux-source-6.1}"
jobs="${RVHV_JOBS:-2}"
cross=riscv64-linux-gnu-

# Fixed build identity, so the same inputs give the same Image.
export KBUILD_BUILD_TIMESTAMP="2023-01-01 00:00:00 UTC"
export KBUILD_BUILD_USER=rvhv KBUILD_BUILD_HOST=rvhv KBUILD_BUILD_VERSION=1
export LC_ALL=C TZ=UTC

missing=""
for tool in make gcc "${cross}gcc" flex bison bc cpio xz tar flock sha256sum; do
  command -v "$tool" >/dev/null || missing="$missing $tool"
done
[ -f "$tarball" ] || missing="$missing $tarball"
if [ -n "$missing" ]; then
  echo "build-linux: missing:$missing" >&2
  echo "build-linux: install with: apt-get install -y linux-source-6.1 gcc-riscv64-linux-gnu make gcc flex bison bc libssl-dev libelf-dev cpio xz-utils" >&2
  exit 3
fi

# One build at a time per cache (tests and CI may ask at once).
exec 9>"$cache/.build-linux.lock"
flock 9
if [ -f "$out/Image" ]; then
  echo "build-linux: cached: $out/Image"
  exit 0
fi

start=$(date +%s)
# The unpacked tree is reused while the tarball is the same file (a Debian
# update of linux-source-6.1 replaces it, and changes size or mtime).
stamp="$(stat -c '%s %Y' "$tarball")"
if [ "$(cat "$src/.rvhv-unpacked" 2>/dev/null)" != "$stamp" ]; then
  echo "build-linux: unpacking $tarball into $src"
  rm -rf "$src" "$src.tmp"
  mkdir -p "$src.tmp"
  tar -xJf "$tarball" -C "$src.tmp" --strip-components=1
  echo "$stamp" >"$src.tmp/.rvhv-unpacked"
  mv "$src.tmp" "$src"
fi
unpacked=$(date +%s)

work="$out.tmp"
rm -rf "$work"
mkdir -p "$work/build"
log="$work/build.log"

echo "build-linux: init program"
"${cross}gcc" -static -O2 -ffp-contract=off -Wall -Wextra -Werror -s \
  -ffile-prefix-map="$linux_dir"=. -o "$work/init" "$linux_dir/init.c" -lm
# gen_init_cpio stores a regular file's own mtime (only directories and
# nodes get KBUILD_BUILD_TIMESTAMP): pin it, for a reproducible initramfs.
touch -d "$KBUILD_BUILD_TIMESTAMP" "$work/init"

# gen_init_cpio's list format (usr/gen_init_cpio.c): /dev/console must exist
# before devtmpfs is mounted, for the kernel to open init's stdin/out/err.
cat >"$work/initramfs.list" <<EOF
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /sys 0755 0 0
file /init $work/init 0755 0 0
EOF

kmake() { make -s -C "$src" O="$work/build" ARCH=riscv CROSS_COMPILE="$cross" "$@"; }

echo "build-linux: configure (tinyconfig + rvhv.config)"
{
  cat "$linux_dir/rvhv.config"
  echo "CONFIG_INITRAMFS_SOURCE=\"$work/initramfs.list\""
} >"$work/rvhv.config"
kmake tinyconfig >>"$log" 2>&1
"$src/scripts/kconfig/merge_config.sh" -m -O "$work/build" "$work/build/.config" "$work/rvhv.config" >>"$log" 2>&1
kmake olddefconfig >>"$log" 2>&1

# Every line of the fragment must have survived olddefconfig.
bad=""
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=*) grep -qxF -- "$line" "$work/build/.config" || bad="$bad\n  want $line, got: $(grep -E "^(# )?${line%%=*}[= ]" "$work/build/.config" || echo unset)" ;;
    "# CONFIG_"*" is not set")
      sym="${line#\# }"; sym="${sym%% *}"
      if grep -q "^$sym=" "$work/build/.config"; then bad="$bad\n  want $line, got: $(grep "^$sym=" "$work/build/.config")"; fi ;;
  esac
done <"$work/rvhv.config"
if [ -n "$bad" ]; then
  echo -e "build-linux: the kernel refused parts of rvhv.config (missing dependencies?):$bad" >&2
  exit 4
fi

echo "build-linux: make Image -j$jobs (log: $log)"
if ! kmake -j"$jobs" Image >>"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "build-linux: kernel build failed; full log: $log" >&2
  exit 5
fi
built=$(date +%s)

cp "$work/build/arch/riscv/boot/Image" "$work/build/vmlinux" "$work/build/System.map" "$work/"
cp "$work/build/.config" "$work/config"
{
  echo "kernel: $(cat "$work/build/include/config/kernel.release")"
  echo "source: $tarball"
  echo "image-sha256: $(sha256sum "$work/Image" | cut -d' ' -f1)"
  echo "image-bytes: $(stat -c %s "$work/Image")"
  echo "unpack-seconds: $((unpacked - start))"
  echo "build-seconds: $((built - unpacked))"
} >"$work/build-info.txt"
rm -rf "$work/build"
mv "$work" "$out"
echo "build-linux: built $out/Image in $((built - start)) s"
