package sigmint

import com.google.gson.JsonObject
import com.google.gson.JsonParser

/** The moment the token vectors were made, as the C tests take it: every valid token is good then. */
const val VECTORS_NOW = 1765454133L

/** The C result names each `expected_error` class of jwt_hs256.json may be. */
val ERROR_CLASSES = mapOf(
    // A payload that is not JSON is decoded fine, and then is no JSON object.
    "malformed" to setOf("MALFORMED_TOKEN", "INVALID_JSON"),
    "invalid_signature" to setOf("INVALID_SIGNATURE"),
    "unsupported_algorithm" to setOf("UNSUPPORTED_ALGORITHM"),
    "expired" to setOf("EXPIRED"),
    "not_yet_valid" to setOf("NOT_YET_VALID")
)

/** The audiences of a vector's expected claims: its `aud`, a string or an array. */
fun audiencesOf(claims: JsonObject): List<String> {
    val aud = claims.get("aud") ?: return emptyList()
    return if (aud.isJsonArray) aud.asJsonArray.map { it.asString } else listOf(aud.asString)
}

/** Every token of jwt_hs256.json: valid ones decode to their claims, the others are refused. */
fun jwtVectorTests(checks: Checks, vectors: Vectors) {
    val file = vectors.read("jwt_hs256.json").asJsonObject
    val valid = file.getAsJsonArray("valid").map { it.asJsonObject }
    val invalid = file.getAsJsonArray("invalid").map { it.asJsonObject }
    val fromDocs = file.getAsJsonArray("from_provider_docs").map { it.asJsonObject }
    // Guard against testing nothing.
    checks.check("jwt: the vectors hold tokens", valid.size >= 3 && invalid.size >= 14 && fromDocs.size >= 3)

    for (vector in valid) {
        val name = "jwt valid \"${vector.text("name")}\""
        val token = vector.text("token")
        val key = hexBytes(vector.text("key_hex"))
        val expected = vector.getAsJsonObject("claims")
        val audiences = audiencesOf(expected)
        if (audiences.isEmpty()) {
            checks.equal("$name: claims", expected, JsonParser.parseString(Jwt.decode(token, key, VECTORS_NOW)))
        } else {
            // PyJWT's default expects no audience, and so refuses a token that names one.
            checks.refused("$name: no audience expected", "INVALID_AUDIENCE") { Jwt.decode(token, key, VECTORS_NOW) }
            val claims = Jwt.decode(token, key, VECTORS_NOW, audiences.takeLast(1))
            checks.equal("$name: claims, audience ${audiences.last()}", expected, JsonParser.parseString(claims))
        }
        checks.equal("$name: the caller's key is left as it was", vector.text("key_hex"),
            key.joinToString("") { "%02x".format(it.toInt() and 0xFF) })
    }

    for (vector in invalid) {
        val expectedClass = vector.text("expected_error")
        val codes = ERROR_CLASSES[expectedClass]
        val name = "jwt invalid \"${vector.text("name")}\" ($expectedClass)"
        checks.check("$name: a class the test knows", codes != null)
        checks.refused(name, *(codes ?: emptySet()).toTypedArray()) {
            Jwt.decode(vector.text("token"), hexBytes(vector.text("key_hex")), VECTORS_NOW)
        }
    }

    // The providers' example tokens: their keys are unknown, so no key verifies them.
    for (vector in fromDocs) {
        checks.refused("jwt from docs \"${vector.text("name")}\": any key", "INVALID_SIGNATURE") {
            Jwt.decode(vector.text("token"), "any key at all".toByteArray(), VECTORS_NOW)
        }
    }
}
