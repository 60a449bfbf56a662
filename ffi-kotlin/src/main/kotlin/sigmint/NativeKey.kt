package sigmint

import com.sun.jna.Memory
import com.sun.jna.Pointer
import sigmint.SigmintLibrary.Companion.lib

/**
 * A `sigmint_key`: `SIGMINT_KEY_SIZE` bytes of native memory, 8-byte aligned as the header
 * asks, holding an HMAC-SHA256 key that C initialized. The secret never lives anywhere else
 * for longer than the call that installs it: its copies are wiped right after.
 */
internal class NativeKey private constructor() : NativeBlock(KEY_SIZE) {
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
        const val KEY_SIZE = 512L

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

        /**
         * A key from [secret] decoded as [scheme] says its secrets are written (as is, base64 or
         * hex: `sigmint_scheme_key`); [secret] is the caller's and is left as it is.
         */
        fun forScheme(scheme: NativeScheme, secret: ByteArray) =
            create(secret) { key, ptr, len -> scheme.use { lib.sigmint_scheme_key(it, key, ptr, len) } }

        private inline fun create(secret: ByteArray, init: (Memory, Pointer?, SizeT) -> Int): NativeKey {
            val key = NativeKey()
            try {
                withNativeCopy(secret) { ptr, len -> checkResult(init(key.memory, ptr, len)) }
                return key
            } catch (e: Throwable) {
                key.destroy() // still zeroed: C leaves a key as it was when init fails
                throw e
            }
        }
    }
}

/**
 * Runs [call] with a native copy of [secret] (NULL when it is empty) and its length. JNA would
 * pass a ByteArray through a native copy it frees without wiping, so a secret goes through
 * memory of ours instead, wiped as soon as C has read it.
 */
internal inline fun <T> withNativeCopy(secret: ByteArray, call: (Pointer?, SizeT) -> T): T {
    val copy = if (secret.isEmpty()) null else Memory(secret.size.toLong())
    try {
        copy?.write(0, secret, 0, secret.size)
        return call(copy, SizeT(secret.size))
    } finally {
        copy?.clear()
        copy?.close()
    }
}

/**
 * A C array of `sigmint_key`s, side by side in one block of native memory (each
 * `SIGMINT_KEY_SIZE` bytes, 8-byte aligned), for the secrets of a webhook while one is rotated.
 * Short-lived: [destroy] wipes and frees them once the call that reads them returned.
 */
internal class NativeKeys private constructor(val count: Int) {
    /** The `sigmint_key *` of the first key, NULL for none (JNA allocates no empty memory). */
    val memory: Memory? = if (count == 0) null else Memory(NativeKey.KEY_SIZE * count)

    init {
        memory?.let {
            check(Pointer.nativeValue(it) % 8 == 0L) { "sigmint_key memory is not 8-byte aligned" }
            it.clear() // "not initialized" until each init succeeds
        }
    }

    private fun key(index: Int): Pointer = memory!!.share(NativeKey.KEY_SIZE * index)

    /** Clears every key (`sigmint_key_clear`), then frees the memory. */
    fun destroy() {
        val block = memory ?: return
        try {
            for (i in 0 until count) lib.sigmint_key_clear(key(i))
        } finally {
            block.clear()
            block.close()
        }
    }

    companion object {
        /** One key per raw secret, in order (`sigmint_key_init`); the secrets are left as they are. */
        fun fromBytes(secrets: List<ByteArray>): NativeKeys {
            val keys = NativeKeys(secrets.size)
            try {
                secrets.forEachIndexed { i, secret ->
                    withNativeCopy(secret) { ptr, len -> checkResult(lib.sigmint_key_init(keys.key(i), ptr, len)) }
                }
                return keys
            } catch (e: Throwable) {
                keys.destroy()
                throw e
            }
        }
    }
}
