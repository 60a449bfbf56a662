package sigmint

import com.google.gson.JsonObject
import java.util.Base64

/** One character of [token] at [index] replaced by another of the base64url alphabet. */
private fun tampered(token: String, index: Int): String {
    val swapped = if (token[index] == 'A') 'B' else 'A'
    return token.substring(0, index) + swapped + token.substring(index + 1)
}

/** Tokens refused for their time, their audience, a changed byte, their key or their text. */
fun jwtRefusalTests(checks: Checks, vectors: Vectors) {
    val valid = vectors.read("jwt_hs256.json").asJsonObject.getAsJsonArray("valid").map { it.asJsonObject }
    // A token with an exp and no aud, and one with an aud.
    val timed = valid.first { it.claims().has("exp") && !it.claims().has("aud") }
    val token = timed.text("token")
    val key = hexBytes(timed.text("key_hex"))
    val exp = timed.claims().get("exp").asLong

    // Time: PyJWT refuses a token once now reaches exp, and no leeway is given by default.
    checks.refused("jwt: now past exp", "EXPIRED") { Jwt.decode(token, key, exp + 1) }
    checks.refused("jwt: now at exp", "EXPIRED") { Jwt.decode(token, key, exp) }
    checks.check("jwt: now a second before exp", Jwt.decode(token, key, exp - 1).isNotEmpty())
    checks.refused("jwt: now before iat", "ISSUED_IN_FUTURE") {
        Jwt.decode(token, key, timed.claims().get("iat").asLong - 1)
    }

    // A changed byte anywhere: header, payload or signature.
    val payloadAt = token.indexOf('.') + 10
    checks.refused("jwt: payload tampered", "INVALID_SIGNATURE") { Jwt.decode(tampered(token, payloadAt), key, VECTORS_NOW) }
    checks.refused("jwt: signature tampered", "INVALID_SIGNATURE") {
        Jwt.decode(tampered(token, token.lastIndexOf('.') + 5), key, VECTORS_NOW)
    }
    // A header that still reads as HS256, so that only the signature can refuse it.
    val header = Base64.getUrlEncoder().withoutPadding().encodeToString("""{"alg":"HS256","typ":"JWS"}""".toByteArray())
    checks.refused("jwt: header replaced", "INVALID_SIGNATURE") {
        Jwt.decode(header + token.substring(token.indexOf('.')), key, VECTORS_NOW)
    }

    // Keys.
    // (Not the key with a zero byte added: HMAC pads short keys with zeros, so that is the same key.)
    val otherKey = key.copyOf().also { it[0] = (it[0].toInt() xor 1).toByte() }
    checks.refused("jwt: another key", "INVALID_SIGNATURE") { Jwt.decode(token, otherKey, VECTORS_NOW) }
    checks.refused("jwt: empty key", "EMPTY_KEY") { Jwt.decode(token, ByteArray(0), VECTORS_NOW) }

    // Text.
    checks.refused("jwt: unpaired surrogate in the token", "MALFORMED_TOKEN") { Jwt.decode(token + "\uD800", key, VECTORS_NOW) }
    checks.refused("jwt: empty token", "MALFORMED_TOKEN") { Jwt.decode("", key, VECTORS_NOW) }

    // Audiences.
    val withAud = valid.first { it.claims().has("aud") }
    val audToken = withAud.text("token")
    val audKey = hexBytes(withAud.text("key_hex"))
    checks.refused("jwt: an audience the token does not name", "INVALID_AUDIENCE") {
        Jwt.decode(audToken, audKey, VECTORS_NOW, listOf("somebody-else"))
    }
    checks.check("jwt: one of several audiences", Jwt.decode(audToken, audKey, VECTORS_NOW, listOf("x", "pos")).isNotEmpty())
    checks.refused("jwt: an audience expected, the token has no aud", "MISSING_CLAIM") {
        Jwt.decode(token, key, VECTORS_NOW, listOf("pos"))
    }
    checks.refused("jwt: unpaired surrogate in an audience", "INVALID_UTF8") {
        Jwt.decode(audToken, audKey, VECTORS_NOW, listOf("pos\uDBFF"))
    }
    checks.refused("jwt: 17 audiences", "LIST_TOO_LONG") {
        Jwt.decode(audToken, audKey, VECTORS_NOW, (0..16).map { "aud$it" })
    }
}

private fun JsonObject.claims(): JsonObject = getAsJsonObject("claims")
