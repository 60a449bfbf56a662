package sigmint

import com.google.gson.JsonObject

/** The client id the vectors are signed for: they carry none, and the signature does not cover it. */
const val VECTOR_CLIENT_ID = "sigmint-test-client"

/** A Fonbnk signing vector's query parameters (a list of pairs, or null for none). */
fun paramsOf(vector: JsonObject): List<Pair<String, String>> {
    val params = vector.get("params")
    if (params.isJsonNull) return emptyList()
    return params.asJsonArray.map { it.asJsonArray.let { pair -> pair[0].asString to pair[1].asString } }
}

/** Every case of fonbnk_signing.json through Fonbnk.endpoint, FonbnkSigner.sign and headers. */
fun fonbnkVectorTests(checks: Checks, vectors: Vectors) {
    val cases = vectors.read("fonbnk_signing.json").asJsonArray.map { it.asJsonObject }
    checks.check("fonbnk: the vectors hold cases", cases.size >= 9) { "${cases.size} cases" }
    for (vector in cases) {
        val name = "fonbnk vector \"${vector.text("name")}\""
        val timestamp = vector.text("timestamp").toLong()
        val endpoint = Fonbnk.endpoint(vector.text("path"), paramsOf(vector))
        checks.equal("$name: endpoint", vector.text("endpoint"), endpoint)
        val signer = FonbnkSigner(VECTOR_CLIENT_ID, vector.text("clientSecret"))
        try {
            checks.equal("$name: sign", vector.text("signature"), signer.sign(endpoint, timestamp))
            val expected = linkedMapOf(
                "x-client-id" to VECTOR_CLIENT_ID,
                "x-timestamp" to vector.text("timestamp"),
                "x-signature" to vector.text("signature")
            )
            val headers = signer.headers(endpoint, timestamp)
            checks.equal("$name: headers", expected, headers)
            checks.equal("$name: header order", expected.keys.toList(), headers.keys.toList())
        } finally {
            signer.close()
        }
    }
}
