package sigmint

private fun hex(bytes: ByteArray) = bytes.joinToString(" ") { "%02X".format(it.toInt() and 0xFF) }

/** The encoder: UTF-8 for well-formed text, the 3-byte generalized form for a lone surrogate. */
fun utf8Tests(checks: Checks) {
    for (text in listOf("", "abc", "é", "Adébáyọ̀ Ọlánipẹ̀kún", "\u0800", "\uFFFF", "💸", "a\u0000b")) {
        checks.equal("utf8: \"$text\" as the JDK encodes it", hex(text.toByteArray(Charsets.UTF_8)), hex(Utf8.encode(text)))
    }
    val loneSurrogates = listOf(
        "\uD800" to "ED A0 80", // high, alone
        "\uDFFF" to "ED BF BF", // low, alone
        "a\uD83D" to "61 ED A0 BD", // high at the end
        "\uDCB8\uD83D" to "ED B2 B8 ED A0 BD", // a pair in the wrong order is two lone halves
        "\uD83D\uD83D\uDCB8" to "ED A0 BD F0 9F 92 B8" // a lone high, then a pair
    )
    for ((text, bytes) in loneSurrogates) {
        checks.equal("utf8: lone surrogate in ${text.map { "%04X".format(it.toInt()) }}", bytes, hex(Utf8.encode(text)))
    }
}
