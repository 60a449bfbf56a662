package sigmint

/** A base64 client secret of the tests' own ("sigmint-kotlin-test-secret"), for the refusals. */
const val TEST_SECRET = "c2lnbWludC1rb3RsaW4tdGVzdC1zZWNyZXQ="

/** Bad input gets the result C gives it; the conversions Kotlin owns refuse what C cannot take. */
fun fonbnkRefusalTests(checks: Checks) {
    // Secrets.
    checks.refused("secret: not base64", "INVALID_BASE64") { FonbnkSigner("id", "not base64!") }
    checks.refused("secret: empty", "EMPTY_KEY") { FonbnkSigner("id", "") }
    checks.refused("secret: only padding", "INVALID_BASE64") { FonbnkSigner("id", "==") }
    checks.refused("secret: unpaired surrogate", "INVALID_UTF8") { FonbnkSigner("id", "c2Vj\uD800cmV0") }
    val leaky = "bm90LWEtc2VjcmV0LWJ1dC1hbG1vc3Q*"
    try {
        FonbnkSigner("id", leaky)
        checks.check("secret: refused, with no secret in the message", false) { "accepted" }
    } catch (e: SigmintException) {
        checks.check("secret: refused, with no secret in the message", e.code == "INVALID_BASE64" &&
            !e.toString().contains(leaky) && !e.toString().contains("bm90")) { e.toString() }
    }

    val signer = FonbnkSigner(VECTOR_CLIENT_ID, TEST_SECRET)
    checks.check("signer: toString shows no secret", !signer.toString().contains(TEST_SECRET))

    // Client ids: only headers() sends one, and C checks it there.
    for ((what, id) in listOf("empty" to "", "a space" to "my id", "a newline" to "id\r\nx-evil: 1",
        "non-ASCII" to "clíent", "129 bytes" to "x".repeat(129))) {
        checks.refused("client id: $what", "INVALID_CLIENT_ID") {
            FonbnkSigner(id, TEST_SECRET).headers("/api/v2/user/tokens", 1)
        }
    }
    checks.refused("client id: unpaired surrogate", "INVALID_UTF8") {
        FonbnkSigner("id\uDC00", TEST_SECRET).headers("/api/v2/user/tokens", 1)
    }
    checks.equal("client id: 128 bytes is accepted", "x".repeat(128),
        FonbnkSigner("x".repeat(128), TEST_SECRET).headers("/", 1)["x-client-id"])

    // Endpoints.
    checks.refused("endpoint(): not absolute", "ENDPOINT_NOT_ABSOLUTE") { Fonbnk.endpoint("api/v2/orders", emptyList()) }
    checks.refused("sign(): not absolute", "ENDPOINT_NOT_ABSOLUTE") { signer.sign("api/v2/orders", 1) }
    checks.refused("headers(): not absolute", "ENDPOINT_NOT_ABSOLUTE") { signer.headers("api/v2/orders", 1) }
    checks.refused("endpoint(): empty path", "ENDPOINT_NOT_ABSOLUTE") { Fonbnk.endpoint("", emptyList()) }
    checks.refused("endpoint(): a space in the path", "ENDPOINT_INVALID_CHAR") { Fonbnk.endpoint("/a b", emptyList()) }
    checks.refused("sign(): a fragment", "ENDPOINT_INVALID_CHAR") { signer.sign("/a#b", 1) }
    checks.refused("endpoint(): a query and params", "PATH_HAS_QUERY") { Fonbnk.endpoint("/a?b=c", listOf("d" to "e")) }
    checks.refused("endpoint(): unpaired surrogate in a value", "INVALID_UTF8") {
        Fonbnk.endpoint("/orders", listOf("status" to "pend\uD800ing"))
    }
    checks.refused("endpoint(): unpaired surrogate in a name", "INVALID_UTF8") {
        Fonbnk.endpoint("/orders", listOf("a" to "b", "\uDFFF" to "c"))
    }
    checks.refused("sign(): unpaired surrogate", "INVALID_UTF8") { signer.sign("/orders\uD800", 1) }
    checks.refused("headers(): unpaired surrogate", "INVALID_UTF8") { signer.headers("/orders\uDBFF", 1) }
    checks.refused("sign(): non-ASCII", "ENDPOINT_INVALID_CHAR") { signer.sign("/caf\u00e9", 1) }
    checks.equal("endpoint(): empty name and value", "/p?=&=", Fonbnk.endpoint("/p", listOf("" to "", "" to "")))
    checks.equal("endpoint(): no params", "/p?x", Fonbnk.endpoint("/p?x", emptyList()))
    val many = (0 until 2000).map { "k$it" to "v$it" }
    checks.equal("endpoint(): 2000 params, a long output", "/p?" + many.joinToString("&") { "${it.first}=${it.second}" },
        Fonbnk.endpoint("/p", many))

    // Timestamps: C takes a uint64_t, which no negative Long is.
    checks.illegalArgument("sign(): negative timestamp") { signer.sign("/", -1) }
    checks.illegalArgument("headers(): negative timestamp") { signer.headers("/", Long.MIN_VALUE) }
    checks.equal("headers(): the largest timestamp", Long.MAX_VALUE.toString(), signer.headers("/", Long.MAX_VALUE)["x-timestamp"])

    // Closing wipes the key; C refuses it from then on.
    signer.close()
    checks.refused("closed: sign()", "KEY_NOT_INITIALIZED") { signer.sign("/api/v2/user/tokens", 1) }
    checks.refused("closed: headers()", "KEY_NOT_INITIALIZED") { signer.headers("/api/v2/user/tokens", 1) }
    signer.close()
    checks.refused("closed twice: sign()", "KEY_NOT_INITIALIZED") { signer.sign("/api/v2/user/tokens", 1) }
}
