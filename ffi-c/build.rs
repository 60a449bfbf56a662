//! The shared library's SONAME: on Linux `libsigmint.so.{major}`, so that programs linked
//! against `libsigmint.so` (a symlink `make install` creates) load the ABI they were built for;
//! on Android plain `libsigmint.so`, the file name apps ship in `jniLibs/` and
//! `System.loadLibrary` looks for (its linker wants a SONAME from API 23 on).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let soname = match std::env::var("CARGO_CFG_TARGET_OS").as_deref() {
        Ok("linux") => format!("libsigmint.so.{}", env!("CARGO_PKG_VERSION_MAJOR")),
        Ok("android") => "libsigmint.so".to_owned(),
        _ => return,
    };
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
}
