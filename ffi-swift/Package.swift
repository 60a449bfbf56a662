// swift-tools-version:5.7
//
// Swift over libsigmint's C ABI. UNTESTED: written without a Swift toolchain (see README.md).
//
// Needs an installed libsigmint (`make install PREFIX=DIR` in the sigmint workspace), found
// through pkg-config: `PKG_CONFIG_PATH=DIR/lib/pkgconfig swift build`.
import PackageDescription

let package = Package(
    name: "Sigmint",
    products: [
        .library(name: "Sigmint", targets: ["Sigmint"]),
    ],
    targets: [
        // The C library as a Swift-importable module. Named CSigmint, not sigmint, so that it
        // neither clashes with the module map `make install` puts in DIR/include/sigmint/ (the C
        // module `sigmint`) nor differs only in case from the Swift module `Sigmint`.
        .systemLibrary(name: "CSigmint", path: "Sources/CSigmint", pkgConfig: "sigmint"),
        // The thin Swift layer: `import Sigmint`.
        .target(name: "Sigmint", dependencies: ["CSigmint"], path: "Sources/Sigmint"),
        .testTarget(name: "SigmintTests", dependencies: ["Sigmint"], path: "Tests/SigmintTests"),
    ]
)
