package sigmint

import com.sun.jna.Memory
import com.sun.jna.Pointer

/**
 * A caller-allocated C struct (`sigmint_key`, `sigmint_scheme`): [size] bytes of native memory,
 * 8-byte aligned as the header asks, zeroed so that C reads it as "not initialized" until an
 * init succeeds (JNA's Memory is not zeroed).
 */
internal abstract class NativeBlock(size: Long) {
    /** The struct's address, to hand to C. */
    val memory = Memory(size)

    init {
        // malloc aligns to max_align_t (8 or 16 bytes) on every platform JNA supports; a
        // misaligned struct would be undefined behaviour in C, so make sure rather than assume.
        check(Pointer.nativeValue(memory) % 8 == 0L) { "native struct memory is not 8-byte aligned" }
        memory.clear()
    }

    /** Written after every call that uses [memory]: see [use]. */
    @Volatile
    private var uses = 0

    /**
     * Runs [call] with the struct's address, keeping this object (and what it keeps alive)
     * reachable until it returns: the volatile write after it is a reachability fence that
     * works on every JVM and Android (`Reference.reachabilityFence` needs Java 9 or Android 9),
     * so a finalizer cannot run under a call that is still reading the memory.
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
}
