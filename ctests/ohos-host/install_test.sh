#!/bin/sh
# install_test.sh SRCDIR BUILDDIR WORKDIR: what a new user does. Installs
# the SDK with `make install PREFIX=WORKDIR/sdk`, then, outside the source
# tree, runs an unchanged example through the installed host, builds the
# same module with pkg-config and with CMake (pkg_check_modules) and runs
# the resulting shared objects through the host.
set -eu
src=$1 build=$2 work=$3
example=$src/examples/ohos/process
rm -rf "$work"
mkdir -p "$work/app"
# A make started by make test must not join its jobserver.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$src" BUILD="$build" install PREFIX="$work/sdk" > /dev/null
sdk=$work/sdk
cp "$example/hello.cpp" "$work/app/"
cd "$work/app"
export JSVM_OHOS_RUN_CACHE="$work/cache"

"$sdk/bin/jsvm-ohos-run" hello.cpp > out.txt
diff -u "$example/hello.expected" out.txt
echo "ok: installed host runs hello.cpp"

PKG_CONFIG_PATH=$sdk/lib/pkgconfig
export PKG_CONFIG_PATH
clang++ -std=c++17 -fPIC -shared -Wno-reorder-init-list hello.cpp $(pkg-config --cflags --libs jsvm) -o libentry.so
"$sdk/bin/jsvm-ohos-run" ./libentry.so > out.txt
diff -u "$example/hello.expected" out.txt
echo "ok: pkg-config build"

cat > CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(entry CXX)
find_package(PkgConfig REQUIRED)
pkg_check_modules(JSVM REQUIRED IMPORTED_TARGET jsvm)
add_library(entry SHARED hello.cpp)
target_link_libraries(entry PRIVATE PkgConfig::JSVM)
CMAKE
cmake -S . -B cmake-build -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-Wno-reorder-init-list > /dev/null
cmake --build cmake-build > /dev/null
"$sdk/bin/jsvm-ohos-run" cmake-build/libentry.so > out.txt
diff -u "$example/hello.expected" out.txt
echo "ok: CMake build"
