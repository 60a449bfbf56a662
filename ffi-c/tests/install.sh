#!/usr/bin/env bash
# `make install` into a temporary prefix, then build against it the way users do: a C program
# from pkg-config alone, linked shared and static; the CMake example, shared and static; the
# header imported as the clang module `sigmint`. Each program runs and must sign correctly.
#
# Usage: tests/install.sh OUT_DIR   (the root Makefile's test-install target runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "$1" && cd "$1" && pwd)
prefix=$out/prefix
rm -rf "$prefix" "$out/cmake-shared" "$out/cmake-static" "$out/modules"

make -s install PREFIX="$prefix"
lib=$prefix/lib
[ "$(readlink "$lib/libsigmint.so")" = libsigmint.so.0 ] || { echo "libsigmint.so -> ?" >&2; exit 1; }
[ -e "$lib/libsigmint.so.0" ] || { echo "libsigmint.so.0 missing" >&2; exit 1; }
soname=$(readelf -d "$lib/libsigmint.so.0" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libsigmint.so.0 ] || { echo "SONAME is '$soname'" >&2; exit 1; }
echo "install: $(cd "$prefix" && find . -type f -o -type l | sort | tr '\n' ' ')"

export PKG_CONFIG_PATH=$lib/pkgconfig
app=examples/installed/app.c
cflags="-std=c99 -Wall -Wextra -Werror"

# Shared: pkg-config's Libs; the program must find libsigmint.so.0 (its SONAME) at run time.
# shellcheck disable=SC2046
cc $cflags -o "$out/app-shared" "$app" $(pkg-config --cflags --libs sigmint)
needs() { readelf -d "$1" | grep -q 'NEEDED.*\[libsigmint.so.0\]'; }
needs "$out/app-shared" || { echo "app-shared does not load libsigmint.so.0" >&2; exit 1; }
LD_LIBRARY_PATH=$lib "$out/app-shared"

# Static: pkg-config --static adds Libs.private, what the archive needs; -l:libsigmint.a names
# the archive, since -lsigmint would pick the shared library installed beside it.
# shellcheck disable=SC2046
cc $cflags -o "$out/app-static" "$app" $(pkg-config --cflags sigmint) \
  $(pkg-config --static --libs sigmint | sed 's/-lsigmint\b/-l:libsigmint.a/')
if needs "$out/app-static"; then echo "app-static loads libsigmint.so" >&2; exit 1; fi
"$out/app-static"

for kind in shared static; do
  static=$([ $kind = static ] && echo ON || echo OFF)
  cmake -S examples/installed -B "$out/cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
    -DSIGMINT_STATIC=$static -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$out/cmake-$kind" >/dev/null
  if [ $kind = shared ]; then
    needs "$out/cmake-$kind/app" || { echo "cmake shared: not linked to libsigmint.so.0" >&2; exit 1; }
  elif needs "$out/cmake-$kind/app"; then
    echo "cmake static: loads libsigmint.so" >&2; exit 1
  fi
  LD_LIBRARY_PATH=$lib "$out/cmake-$kind/app" | sed "s/^/cmake $kind: /"
done

# The module: clang finds include/sigmint/module.modulemap on the include path.
clang -fmodules -fmodules-cache-path="$out/modules" -I"$prefix/include" -Werror \
  -o "$out/module-import" examples/installed/module_import.c -L"$lib" -lsigmint
LD_LIBRARY_PATH=$lib "$out/module-import"
echo "install: module sigmint imports with clang -fmodules"
echo "install: all passed"
