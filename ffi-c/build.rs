//! The shared library's SONAME on Linux: `libsigmint.so.{major}`, so that programs linked
//! against `libsigmint.so` (a symlink `make install` creates) load the ABI they were built for.
//! Android loads libraries by file name (`System.loadLibrary`), so there it stays unversioned.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux") {
        let major = env!("CARGO_PKG_VERSION_MAJOR");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libsigmint.so.{major}");
    }
}
