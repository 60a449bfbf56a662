package sigmint

import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.concurrent.thread

/** One signer used by several threads at once; and closed while they use it, without a crash. */
fun threadTests(checks: Checks, vectors: Vectors) {
    val vector = vectors.read("fonbnk_signing.json").asJsonArray.map { it.asJsonObject }
        .first { !it.get("params").isJsonNull }
    val endpoint = vector.text("endpoint")
    val timestamp = vector.text("timestamp").toLong()
    val expected = vector.text("signature")

    val signer = FonbnkSigner(VECTOR_CLIENT_ID, vector.text("clientSecret"))
    try {
        val wrong = ConcurrentLinkedQueue<String>()
        val workers = (1..4).map {
            thread {
                repeat(500) {
                    val signature = if (it % 2 == 0) signer.sign(endpoint, timestamp) else signer.headers(endpoint, timestamp)["x-signature"]
                    if (signature != expected) wrong.add(signature.toString())
                }
            }
        }
        workers.forEach { it.join() }
        checks.equal("threads: 4 x 500 signatures with one signer, all right", emptyList<String>(), wrong.toList())
    } finally {
        signer.close()
    }

    // close() racing sign() is the caller's bug; it may give KEY_NOT_INITIALIZED or a wrong
    // signature, but the key's memory stays valid, so the JVM lives on.
    val raced = FonbnkSigner(VECTOR_CLIENT_ID, vector.text("clientSecret"))
    val outcomes = ConcurrentLinkedQueue<String>()
    val deadline = System.nanoTime() + 10_000_000_000L // a bound, should close() never be seen
    val workers = (1..4).map {
        thread {
            while (System.nanoTime() < deadline) {
                try {
                    val signature = raced.sign(endpoint, timestamp)
                    if (signature.length != 44) outcomes.add("signature of ${signature.length} characters")
                } catch (e: SigmintException) {
                    outcomes.add(e.code)
                    break
                }
            }
        }
    }
    Thread.sleep(20)
    raced.close()
    workers.forEach { it.join() }
    checks.equal("threads: close() during use gives KEY_NOT_INITIALIZED and nothing worse",
        setOf("KEY_NOT_INITIALIZED"), outcomes.toSet())
}
