package sigmint

import com.google.gson.JsonObject

/** A schemes.json case's part [name], or null when the case does not give it. */
private fun JsonObject.part(name: String): String? =
    getAsJsonObject("parts")?.get(name)?.asString

/**
 * Every case of schemes.json through its preset: the signature, its verification, the string
 * to sign; the webhook cases' documented headers verified and signed. And Fonbnk's own vectors
 * through the Fonbnk preset.
 */
fun schemeVectorTests(checks: Checks, vectors: Vectors) {
    val cases = vectors.read("schemes.json").asJsonObject.getAsJsonArray("cases").map { it.asJsonObject }
    var signed = 0
    var webhooks = 0
    for (case in cases) {
        val provider = case.text("provider")
        val name = "schemes.json $provider (${if (case.get("derived").asBoolean) "derived" else "published"})"
        val scheme = Scheme.preset(provider)
        val secret = case.text("secret").toByteArray(Charsets.UTF_8)
        val body = case.text("body").toByteArray(Charsets.UTF_8)
        val parts = listOf("timestamp", "method", "path", "query").map { case.part(it) }
        if (case.has("signature")) {
            val expected = case.text("signature")
            val (timestamp, method, path, query) = parts
            checks.equal("$name: sign", expected, scheme.sign(secret, timestamp, method, path, query, body))
            checks.check("$name: verify", try {
                scheme.verify(secret, expected, timestamp, method, path, query, body)
                true
            } catch (e: SigmintException) {
                false
            })
            val tampered = expected.dropLast(1) + if (expected.last() == '0') '1' else '0'
            checks.refused("$name: tampered", "INVALID_SIGNATURE") {
                scheme.verify(secret, tampered, timestamp, method, path, query, body)
            }
            checks.equal("$name: string to sign", case.text("stringToSign"),
                String(scheme.stringToSign(timestamp, method, path, query, body), Charsets.UTF_8))
            checks.equal("$name: the caller's secret is left as it was", case.text("secret"), String(secret, Charsets.UTF_8))
            signed++
        }
        if (case.has("headers") && provider in listOf("github", "slack", "stripe", "shopify")) {
            val headers = case.getAsJsonObject("headers").entrySet().associate { it.key to it.value.asString }
            val at = if (case.has("timestamp")) case.get("timestamp").asLong else 0L
            checks.equal("$name: webhook verified", 0, Webhooks.verify(provider, listOf(secret), headers, body, at))
            val sent = Webhooks.sign(provider, secret, body, at)
            checks.equal("$name: webhook signed", headers, sent)
            checks.equal("$name: webhook header order", headers.keys.toList(), sent.keys.toList())
            webhooks++
        }
    }
    // Guard against testing nothing.
    checks.check("schemes: the vectors hold cases", signed >= 11 && webhooks >= 7) { "$signed signed, $webhooks webhooks" }

    val fonbnk = Scheme.preset("fonbnk")
    for (vector in vectors.read("fonbnk_signing.json").asJsonArray.map { it.asJsonObject }) {
        checks.equal("fonbnk preset \"${vector.text("name")}\"", vector.text("signature"),
            fonbnk.sign(vector.text("clientSecret").toByteArray(), timestamp = vector.text("timestamp"),
                path = vector.text("endpoint")))
    }
}

/** Schemes of the caller's own, and every refusal of a template, secret or part. */
fun schemeRefusalTests(checks: Checks) {
    // GitHub's documented example, through a scheme made by hand.
    val github = Scheme("{body}", SecretEncoding.RAW, TagEncoding.HEX, "sha256=")
    val example = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    val secret = "It's a Secret to Everybody".toByteArray()
    checks.equal("scheme: GitHub's example", example, github.sign(secret, body = "Hello, World!".toByteArray()))
    checks.equal("scheme: GitHub's example, hex in capitals, verifies", Unit,
        github.verify(secret, "sha256=" + example.substring(7).toUpperCase(), body = "Hello, World!".toByteArray()))
    checks.refused("scheme: no prefix", "INVALID_SIGNATURE") {
        github.verify(secret, example.substring(7), body = "Hello, World!".toByteArray())
    }
    checks.equal("scheme: defaults (raw secret, base64 tag, no prefix)", 44, Scheme("{body}").sign(secret).length)

    // Every field, literal braces, a hex secret, an unpadded base64url tag.
    val custom = Scheme("{{{method}}} {path}?{query}\n{timestamp}\n{body_sha256}", SecretEncoding.HEX, TagEncoding.BASE64URL)
    checks.equal("scheme: string to sign, every field",
        "{GET} /v1/orders?\n1700000000\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        String(custom.stringToSign("1700000000", "GET", "/v1/orders", ""), Charsets.UTF_8))
    val hexSigned = custom.sign("00ff10AB".toByteArray(), "1700000000", "GET", "/v1/orders", "")
    checks.equal("scheme: base64url, 43 characters", 43, hexSigned.length)
    val raw = Scheme("{{{method}}} {path}?{query}\n{timestamp}\n{body_sha256}", SecretEncoding.RAW, TagEncoding.BASE64URL)
    checks.equal("scheme: the hex secret was decoded", hexSigned,
        raw.sign(byteArrayOf(0x00, 0xff.toByte(), 0x10, 0xab.toByte()), "1700000000", "GET", "/v1/orders", ""))
    checks.equal("scheme: an empty string to sign", 0, Scheme.preset("shopify").stringToSign().size)

    // Templates, prefixes, presets.
    for ((template, code) in listOf("" to "MALFORMED_TEMPLATE", "{body" to "MALFORMED_TEMPLATE",
        "a}b" to "MALFORMED_TEMPLATE", "{time}" to "UNKNOWN_TEMPLATE_FIELD", "{Body}" to "UNKNOWN_TEMPLATE_FIELD",
        "{body}\uD800" to "INVALID_UTF8")) {
        checks.refused("scheme: template \"$template\"", code) { Scheme(template) }
    }
    for (prefix in listOf("sha 256=", "x".repeat(33), "é")) {
        checks.refused("scheme: prefix \"$prefix\"", "INVALID_PART") { Scheme("{body}", prefix = prefix) }
    }
    checks.equal("scheme: a 32-byte prefix", 32 + 64,
        Scheme("{body}", encoding = TagEncoding.HEX, prefix = "x".repeat(32)).sign(secret).length)
    for (name in listOf("GitHub", "gitlab", "", "fonbnk ")) {
        checks.refused("scheme: preset \"$name\"", "UNKNOWN_SCHEME") { Scheme.preset(name) }
    }

    // Secrets.
    val fonbnk = Scheme.preset("fonbnk")
    checks.refused("scheme: not base64", "INVALID_BASE64") { fonbnk.sign("!!!!".toByteArray(), "1", path = "/") }
    checks.refused("scheme: empty secret", "EMPTY_KEY") { github.sign(ByteArray(0)) }
    checks.refused("scheme: odd hex", "INVALID_HEX") { custom.sign("abc".toByteArray(), "1", "GET", "/", "") }
    checks.refused("scheme: not hex", "INVALID_HEX") { custom.sign("zz".toByteArray(), "1", "GET", "/", "") }

    // Parts: missing, and not as they go on the wire.
    val slack = Scheme.preset("slack")
    val coinbase = Scheme.preset("coinbase")
    val binance = Scheme.preset("binance")
    val key = "a2V5".toByteArray()
    checks.refused("scheme: no timestamp", "MISSING_PART") { slack.sign(secret) }
    checks.refused("scheme: no method", "MISSING_PART") { coinbase.sign(key, "1", path = "/") }
    checks.refused("scheme: no query", "MISSING_PART") { binance.sign(secret) }
    checks.refused("scheme: no timestamp, string to sign", "MISSING_PART") { slack.stringToSign() }
    checks.refused("scheme: no timestamp, verify", "MISSING_PART") { slack.verify(secret, "v0=00") }
    checks.refused("scheme: method in lower case", "INVALID_PART") { coinbase.sign(key, "1", "post", "/") }
    checks.refused("scheme: empty method", "INVALID_PART") { coinbase.sign(key, "1", "", "/") }
    checks.refused("scheme: timestamp with a space", "INVALID_PART") { slack.sign(secret, "1 2") }
    checks.refused("scheme: query with its ?", "INVALID_PART") { binance.sign(secret, query = "?a=1") }
    checks.refused("scheme: non-ASCII query", "INVALID_PART") { binance.sign(secret, query = "a=é") }
    checks.refused("scheme: unpaired surrogate in a part", "INVALID_PART") { binance.sign(secret, query = "a=\uD800") }
    checks.refused("scheme: relative path", "ENDPOINT_NOT_ABSOLUTE") { fonbnk.sign(key, "1", path = "api") }
    checks.refused("scheme: a space in the path", "ENDPOINT_INVALID_CHAR") { fonbnk.sign(key, "1", path = "/a b") }
    checks.equal("scheme: an empty query is given", 64, binance.sign(secret, query = "").length)
    checks.equal("scheme: parts not signed are not looked at", example,
        github.sign(secret, "not a timestamp", "post", "relative", "?", "Hello, World!".toByteArray()))
}
