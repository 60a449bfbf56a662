package sigmint

import com.sun.jna.Pointer
import sigmint.SigmintLibrary.Companion.lib

/** Fonbnk's request endpoints, as its signatures cover them. Sign them with [FonbnkSigner]. */
object Fonbnk {
    /**
     * The endpoint Fonbnk signs for [path] and [params] (`sigmint_fonbnk_endpoint`): the path,
     * then, when there are parameters, `?` and the query exactly as JavaScript's
     * `URLSearchParams.toString()` writes it (space as `+`, `*-._` and alphanumerics kept,
     * every other UTF-8 byte as `%XX`), in the order given; repeated names are kept.
     *
     * ```
     * Fonbnk.endpoint("/api/v2/orders", listOf("status" to "pending")) // "/api/v2/orders?status=pending"
     * ```
     *
     * @throws SigmintException `ENDPOINT_NOT_ABSOLUTE` when [path] does not start with `/`,
     *   `ENDPOINT_INVALID_CHAR` for a space, control, non-ASCII or `#` character in it,
     *   `PATH_HAS_QUERY` when it holds `?` and [params] are given, `INVALID_UTF8` for text
     *   holding an unpaired surrogate.
     */
    @JvmStatic
    fun endpoint(path: String, params: List<Pair<String, String>>): String {
        val pathBytes = Utf8.encode(path)
        val texts = NativeTexts(params.flatMap { (name, value) -> listOf(Utf8.encode(name), Utf8.encode(value)) })
        try {
            val array = queryParams(texts, params.size)
            return negotiate { out, cap, len ->
                lib.sigmint_fonbnk_endpoint(pathBytes, SizeT(pathBytes.size), array, SizeT(params.size), out, cap, len)
            }
        } finally {
            texts.close()
        }
    }

    // Pair i is made of texts 2i and 2i + 1.
    private fun queryParams(texts: NativeTexts, count: Int): Pointer? =
        cArray(QueryParam(), count) { param, i ->
            param.name = texts.pointer(2 * i)
            param.nameLen = texts.length(2 * i)
            param.value = texts.pointer(2 * i + 1)
            param.valueLen = texts.length(2 * i + 1)
        }
}
