package sigmint

import com.sun.jna.Memory
import com.sun.jna.Pointer
import sigmint.SigmintLibrary.Companion.lib

/**
 * A `sigmint_key`: `SIGMINT_KEY_SIZE` bytes of native memory, 8-byte aligned as the header
 * asks, holding an HMAC-SHA256 key that C initialized. The secret never lives anywhere else
 * for longer than the call that installs it: its copies are wiped right after.
 */
internal class NativeKey private constructor() {
    /** The `sigmint_key *` to hand to C. */
    val memory = Memory(KEY_SIZE)

    init {
        // malloc aligns to max_align_t (8 or 16 bytes) on every platform JNA supports; a
        // misaligned key would be undefined behaviour in C, so make sure rather than assume.
        check(Pointer.nativeValue(memory) % 8 == 0L) { "sigmint_key memory is not 8-byte aligned" }
        // Zeroed, C reads it as "not initialized" until an init succeeds (Memory is not zeroed).
        memory.clear()
    }

    /** Written after every call that uses [memory]: see [use]. */
    @Volatile
    private var uses = 0

    /**
     * Runs [call] with the `sigmint_key *`, keeping this object reachable until it returns: the
     * volatile write after it is a reachability fence that works on every JVM and Android
     * (`Reference.reachabilityFence` needs Java 9 or Android 9), so [finalize] cannot wipe the
     * key under a call that is still reading it.
     */
    inline fun <T> use(call: (Memory) -> T): T {
        try {
            return call(memory)
        } finally {
            touch()
        }
    }

    /** The fence of [use] (public inline functions may only call what is visible to them). */
    @PublishedApi
    internal fun touch() {
        uses++
    }

    /**
     * A key never cleared is wiped before the garbage collector frees its memory: [memory] is
     * reachable from this object, so it cannot be freed before this runs. (Kotlin 1.3 targets
     * Java 8, and Android has `java.lang.ref.Cleaner` only from API 33: a finalizer works on all.)
     */
    protected fun finalize() {
        if (memory.valid()) lib.sigmint_key_clear(memory) // not after destroy() freed it
    }

    /**
     * Wipes the key (`sigmint_key_clear`): afterwards C refuses it with KEY_NOT_INITIALIZED.
     * The memory stays allocated, so a call that still holds it reads zeros, never freed memory.
     */
    fun clear() = checkResult(lib.sigmint_key_clear(memory))

    /** Clears the key and frees its memory: only when no call can use it any more. */
    fun destroy() {
        try {
            clear()
        } finally {
            memory.close()
        }
    }

    companion object {
        /** `SIGMINT_KEY_SIZE`. */
        private const val KEY_SIZE = 512L

        /** A key from a base64 secret, as Fonbnk issues client secrets (`sigmint_key_init_base64`). */
        fun fromBase64(secret: String): NativeKey {
            val bytes = Utf8.encode(secret)
            try {
                return create(bytes) { key, ptr, len -> lib.sigmint_key_init_base64(key, ptr, len) }
            } finally {
                bytes.fill(0)
            }
        }

        /** A key from raw secret bytes (`sigmint_key_init`); [secret] is the caller's and is left as it is. */
        fun fromBytes(secret: ByteArray) =
            create(secret) { key, ptr, len -> lib.sigmint_key_init(key, ptr, len) }

        // JNA would pass a ByteArray through a native copy it frees without wiping, so the
        // secret goes through memory of ours, wiped as soon as C has read it.
        private inline fun create(secret: ByteArray, init: (Memory, Pointer?, SizeT) -> Int): NativeKey {
            val key = NativeKey()
            val copy = if (secret.isEmpty()) null else Memory(secret.size.toLong())
            try {
                copy?.write(0, secret, 0, secret.size)
                checkResult(init(key.memory, copy, SizeT(secret.size)))
                return key
            } catch (e: Throwable) {
                key.destroy() // still zeroed: C leaves a key as it was when init fails
                throw e
            } finally {
                copy?.clear()
                copy?.close()
            }
        }
    }
}
