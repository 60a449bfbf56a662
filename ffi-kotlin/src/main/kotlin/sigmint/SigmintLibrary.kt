package sigmint

import com.sun.jna.Library
import com.sun.jna.Memory
import com.sun.jna.Native
import com.sun.jna.Pointer

/**
 * The functions of `sigmint.h` this binding calls, mapped by JNA (each name is the C symbol).
 *
 * Types follow the header: `sigmint_result` (`uint32_t`) is [Int]; `uint64_t` timestamps are
 * [Long] (same bits; callers refuse negative values first); `size_t` is [SizeT]; text and
 * byte inputs and caller buffers are [ByteArray]s, which JNA hands to C as pointers to a native
 * copy (copied back after the call, which is how outputs return); a `sigmint_key *` is the
 * [Memory] of a [NativeKey]; secrets travel in [Pointer]s to native memory this binding
 * wipes itself, since JNA's own copies of an array are freed without being wiped.
 */
internal interface SigmintLibrary : Library {
    fun sigmint_result_str(result: Int): String

    fun sigmint_result_name(result: Int): String

    fun sigmint_key_init(key: Memory, secret: Pointer?, len: SizeT): Int

    fun sigmint_key_init_base64(key: Memory, b64: Pointer?, len: SizeT): Int

    fun sigmint_key_clear(key: Memory): Int

    fun sigmint_fonbnk_endpoint(
        path: ByteArray,
        pathLen: SizeT,
        params: Pointer?,
        paramsLen: SizeT,
        out: ByteArray?,
        outCap: SizeT,
        outLen: SizeTRef
    ): Int

    fun sigmint_fonbnk_sign(
        key: Memory,
        timestampMs: Long,
        endpoint: ByteArray,
        endpointLen: SizeT,
        out: ByteArray,
        outCap: SizeT,
        outLen: SizeTRef
    ): Int

    fun sigmint_fonbnk_sign_headers(
        key: Memory,
        clientId: ByteArray,
        clientIdLen: SizeT,
        timestampMs: Long,
        endpoint: ByteArray,
        endpointLen: SizeT,
        headers: FonbnkHeaders
    ): Int

    fun sigmint_jwt_verify(
        key: Memory,
        token: ByteArray,
        tokenLen: SizeT,
        validation: JwtValidation,
        scratch: ByteArray?,
        scratchCap: SizeT,
        claimsOut: ByteArray?,
        claimsCap: SizeT,
        claimsLen: SizeTRef
    ): Int

    companion object {
        /** The library, loaded once: `libsigmint.so` from `jna.library.path` or, on Android, the APK's jniLibs. */
        val lib: SigmintLibrary = Native.load("sigmint", SigmintLibrary::class.java)
    }
}
