package sigmint

/**
 * The tests' tally: each check passes or fails; a failure is reported on stderr with its name
 * and the run goes on, so one run shows every failure.
 */
class Checks {
    var passed = 0
        private set
    var failed = 0
        private set

    /** Records a check named [name] that holds when [ok]; [detail] says what was seen instead. */
    fun check(name: String, ok: Boolean, detail: () -> String = { "" }) {
        if (ok) {
            passed++
        } else {
            failed++
            System.err.println("FAIL $name ${detail()}")
        }
    }

    /** Checks that [actual] equals [expected]. */
    fun <T> equal(name: String, expected: T, actual: T) =
        check(name, expected == actual) { "expected <$expected>, got <$actual>" }

    /** Checks that [block] throws a [SigmintException] whose code is one of [codes]. */
    fun refused(name: String, vararg codes: String, block: () -> Unit) {
        val outcome = try {
            block()
            "no exception"
        } catch (e: SigmintException) {
            if (e.code in codes && !e.message.isNullOrEmpty()) return check(name, true)
            "SigmintException ${e.code} (${e.message})"
        }
        check(name, false) { "expected ${codes.joinToString(" or ")}, got $outcome" }
    }

    /** Checks that [block] throws an IllegalArgumentException. */
    fun illegalArgument(name: String, block: () -> Unit) {
        val outcome = try {
            block()
            "no exception"
        } catch (e: IllegalArgumentException) {
            return check(name, true)
        }
        check(name, false) { "expected IllegalArgumentException, got $outcome" }
    }
}
