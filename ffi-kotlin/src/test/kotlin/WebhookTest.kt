package sigmint

import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.concurrent.thread

private val PROVIDERS = listOf("github", "slack", "stripe", "shopify")
private const val NOW = 1531420618L
private val BODY = "payload=1".toByteArray()
private val OLD = "old".toByteArray()
private val NEW = "new".toByteArray()
private val OTHER = "other".toByteArray()

/** Checks that [block] throws a [SigmintException] with [code] that names [header]. */
private fun Checks.refusedHeader(name: String, code: String, header: String, block: () -> Unit) {
    val outcome = try {
        block()
        "no exception"
    } catch (e: SigmintException) {
        if (e.code == code && e.header == header) return check(name, true)
        "SigmintException ${e.code} (header ${e.header})"
    }
    check(name, false) { "expected $code naming $header, got $outcome" }
}

/**
 * Every provider: signed and verified with rotated secrets, and each refusal: a missing or
 * malformed header (named), a timestamp out of the window on either side, a signature that
 * does not match, a replay, an unknown provider, no secret.
 */
fun webhookTests(checks: Checks) {
    for (provider in PROVIDERS) {
        val timestamped = provider == "slack" || provider == "stripe"
        val headers = Webhooks.sign(provider, NEW, BODY, NOW)
        checks.equal("$provider: headers sent", if (provider == "slack") 2 else 1, headers.size)

        // Rotation: the index of the secret that matched.
        checks.equal("$provider: the new secret", 1, Webhooks.verify(provider, listOf(OLD, NEW), headers, BODY, NOW))
        checks.equal("$provider: the new secret alone", 0, Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW))
        checks.equal("$provider: the old secret", 0,
            Webhooks.verify(provider, listOf(OLD, NEW), Webhooks.sign(provider, OLD, BODY, NOW), BODY, NOW))
        checks.refused("$provider: another secret", "INVALID_SIGNATURE") {
            Webhooks.verify(provider, listOf(OLD, NEW), Webhooks.sign(provider, OTHER, BODY, NOW), BODY, NOW)
        }
        checks.refused("$provider: another body", "INVALID_SIGNATURE") {
            Webhooks.verify(provider, listOf(NEW), headers, "payload=2".toByteArray(), NOW)
        }
        val shouted = headers.entries.associate { (n, v) -> n.toUpperCase() to " $v\t" }
        checks.equal("$provider: names in any case, values with spaces", 0,
            Webhooks.verify(provider, listOf(NEW), shouted, BODY, NOW))
        checks.equal("$provider: the caller's secrets are left as they were", "old new",
            String(OLD) + " " + String(NEW))

        // Headers: each one missing, each one malformed.
        val signatureHeader = headers.keys.last()
        for (name in headers.keys) {
            checks.refusedHeader("$provider: $name missing", "MISSING_HEADER", name) {
                Webhooks.verify(provider, listOf(NEW), headers - name, BODY, NOW)
            }
        }
        for (bad in listOf("", "sha256=", "v0=zz", "t=1", "v1=00", "=", "t=x,v1=00")) {
            checks.refusedHeader("$provider: signature \"$bad\"", "MALFORMED_HEADER", signatureHeader) {
                Webhooks.verify(provider, listOf(NEW), headers + (signatureHeader to bad), BODY, NOW)
            }
        }

        // The window, either side.
        val late = if (timestamped) "TIMESTAMP_OUT_OF_WINDOW" else null
        for (now in listOf(NOW + 301, NOW - 301, 0L)) {
            if (late != null) {
                checks.refused("$provider: at ${now - NOW} s", late) { Webhooks.verify(provider, listOf(NEW), headers, BODY, now) }
            } else {
                checks.equal("$provider: no window at ${now - NOW} s", 0, Webhooks.verify(provider, listOf(NEW), headers, BODY, now))
            }
        }
        checks.equal("$provider: 300 s late", 0, Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW + 300))
        checks.equal("$provider: 300 s early", 0, Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW - 300))
        checks.equal("$provider: a tolerance of 0", 0, Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW, 0))
        if (late != null) {
            checks.refused("$provider: a second late, tolerance 0", late) {
                Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW + 1, 0)
            }
        }
        checks.illegalArgument("$provider: a negative tolerance") { Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW, -1) }
        checks.refused("$provider: forged and late", "INVALID_SIGNATURE") {
            Webhooks.verify(provider, listOf(NEW), Webhooks.sign(provider, OTHER, BODY, NOW), BODY, NOW + 10_000)
        }

        // Replays.
        val replay = ReplayGuard(4)
        checks.equal("$provider: first delivery", 1, Webhooks.verify(provider, listOf(OLD, NEW), headers, BODY, NOW, replay = replay))
        checks.refused("$provider: second delivery", "REPLAYED") {
            Webhooks.verify(provider, listOf(OLD, NEW), headers, BODY, NOW + 1, replay = replay)
        }
        checks.refused("$provider: a store of no slots", "BUFFER_TOO_SMALL") {
            Webhooks.verify(provider, listOf(NEW), headers, BODY, NOW, replay = ReplayGuard(0))
        }

        // Secrets.
        checks.refused("$provider: no secret", "EMPTY_KEY") { Webhooks.verify(provider, emptyList(), headers, BODY, NOW) }
        checks.refused("$provider: an empty secret", "EMPTY_KEY") {
            Webhooks.verify(provider, listOf(NEW, ByteArray(0)), headers, BODY, NOW)
        }
        checks.refused("$provider: signing with an empty secret", "EMPTY_KEY") { Webhooks.sign(provider, ByteArray(0), BODY, NOW) }
        if (timestamped) {
            checks.refused("$provider: a negative timestamp", "INVALID_PART") { Webhooks.sign(provider, NEW, BODY, -1) }
        }
    }
    // Slack's timestamp header, not digits.
    val slack = Webhooks.sign("slack", NEW, BODY, NOW)
    checks.refusedHeader("slack: timestamp \"-1\"", "MALFORMED_HEADER", "X-Slack-Request-Timestamp") {
        Webhooks.verify("slack", listOf(NEW), slack + ("X-Slack-Request-Timestamp" to "-1"), BODY, NOW)
    }
    // A replay store fills up: the oldest is forgotten, and refused still.
    val two = ReplayGuard(2)
    val first = Webhooks.sign("slack", NEW, BODY, NOW)
    for (at in listOf(NOW, NOW + 1, NOW + 2)) Webhooks.verify("slack", listOf(NEW), Webhooks.sign("slack", NEW, BODY, at), BODY, NOW, replay = two)
    checks.refused("slack: forgotten, and refused", "REPLAYED") { Webhooks.verify("slack", listOf(NEW), first, BODY, NOW, replay = two) }
    checks.illegalArgument("replay store: negative capacity") { ReplayGuard(-1) }
    // Providers.
    for (provider in listOf("fonbnk", "GitHub", "", "slack ")) {
        checks.refused("provider \"$provider\": sign", "UNKNOWN_SCHEME") { Webhooks.sign(provider, NEW, BODY, NOW) }
        checks.refused("provider \"$provider\": verify", "UNKNOWN_SCHEME") { Webhooks.verify(provider, listOf(NEW), slack, BODY, NOW) }
    }
    checks.refused("provider with an unpaired surrogate", "INVALID_UTF8") { Webhooks.verify("sl\uD800ck", listOf(NEW), slack, BODY, NOW) }

    // One store shared by threads: each request accepted once, whichever thread sees it.
    val shared = ReplayGuard(64)
    val requests = (0 until 16).map { Webhooks.sign("stripe", NEW, BODY, NOW + it) }
    val accepted = ConcurrentLinkedQueue<Int>()
    val wrong = ConcurrentLinkedQueue<String>()
    val workers = (1..4).map {
        thread {
            for ((i, request) in requests.withIndex()) {
                try {
                    Webhooks.verify("stripe", listOf(NEW), request, BODY, NOW, replay = shared)
                    accepted.add(i)
                } catch (e: SigmintException) {
                    if (e.code != "REPLAYED") wrong.add(e.code)
                }
            }
        }
    }
    workers.forEach { it.join() }
    checks.equal("threads: every request accepted exactly once", (0 until 16).toList(), accepted.sorted())
    checks.equal("threads: the rest refused as replays", emptyList<String>(), wrong.toList())
}
