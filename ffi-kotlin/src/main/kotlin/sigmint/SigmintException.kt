package sigmint

import sigmint.SigmintLibrary.Companion.lib

/**
 * A refusal from sigmint: the C result that a call returned instead of `SIGMINT_RESULT_OK`.
 *
 * The message is sigmint's short English description (`sigmint_result_str`); neither it nor
 * [code] ever holds a secret or any of the caller's input.
 */
class SigmintException internal constructor(
    /**
     * The result's name as `sigmint.h` spells it without `SIGMINT_RESULT_`, such as
     * `INVALID_SIGNATURE`, `EXPIRED` or `KEY_NOT_INITIALIZED` (`UNKNOWN` for a value this
     * library does not know): stable across releases, for comparing.
     */
    val code: String,
    message: String,
    /**
     * For `MISSING_HEADER` and `MALFORMED_HEADER` from [Webhooks.verify], the request header
     * at fault, as its provider documents it (`X-Slack-Request-Timestamp`); null otherwise.
     */
    val header: String? = null
) : RuntimeException(message)

internal const val RESULT_OK = 0
internal const val RESULT_BUFFER_TOO_SMALL = 1

/**
 * Throws the [SigmintException] for [result] unless it is `SIGMINT_RESULT_OK`, naming [header]
 * when C named one.
 */
internal fun checkResult(result: Int, header: String? = null) {
    if (result != RESULT_OK) {
        // Names and texts come from C, so a result added there needs no change here.
        throw SigmintException(lib.sigmint_result_name(result), lib.sigmint_result_str(result), header)
    }
}
