package sigmint

import java.io.File
import kotlin.system.exitProcess

/**
 * Runs every Kotlin test: `TestMainKt VECTORS_DIR LAYOUT_FILE`, where LAYOUT_FILE is what
 * `src/test/c/layout.c` prints. Ends with `kotlin: N passed, M failed`; exits 1 on a failure.
 */
fun main(args: Array<String>) {
    require(args.size == 2) { "usage: TestMainKt VECTORS_DIR LAYOUT_FILE" }
    val vectors = Vectors(File(args[0]))
    val checks = Checks()
    val suites = listOf<Pair<String, () -> Unit>>(
        "layout" to { layoutTests(checks, File(args[1])) },
        "utf8" to { utf8Tests(checks) },
        "fonbnk vectors" to { fonbnkVectorTests(checks, vectors) },
        "fonbnk refusals" to { fonbnkRefusalTests(checks) },
        "jwt vectors" to { jwtVectorTests(checks, vectors) },
        "jwt refusals" to { jwtRefusalTests(checks, vectors) },
        "scheme vectors" to { schemeVectorTests(checks, vectors) },
        "scheme refusals" to { schemeRefusalTests(checks) },
        "webhooks" to { webhookTests(checks) },
        "threads" to { threadTests(checks, vectors) }
    )
    for ((name, suite) in suites) {
        try {
            suite()
        } catch (e: Throwable) {
            // A suite that throws where no check expected it fails as a whole, and the run goes on.
            checks.check("$name (unexpected exception)", false) { e.toString() }
        }
    }
    println("kotlin: ${checks.passed} passed, ${checks.failed} failed")
    exitProcess(if (checks.failed == 0) 0 else 1)
}
