package sigmint

import com.sun.jna.Library
import com.sun.jna.Memory
import com.sun.jna.Native
import com.sun.jna.Pointer

/**
 * The functions of `sigmint.h` this binding calls, mapped by JNA (each name is the C symbol).
 *
 * Types follow the header: `sigmint_result` (`uint32_t`) and the encodings are [Int];
 * `uint64_t` timestamps and tolerances are [Long] (same bits; callers refuse negative values
 * first); `size_t` is [SizeT]; text and byte inputs and caller buffers are [ByteArray]s, which
 * JNA hands to C as pointers to a native copy (copied back after the call, which is how outputs
 * return); a `sigmint_key *` is the [Memory] of a [NativeKey] (or of [NativeKeys], an array),
 * a `sigmint_scheme *` and a `sigmint_replay *` the [Memory] a [Scheme] and a [ReplayGuard] keep;
 * outputs C points into (webhook header values) are [Pointer]s to memory of ours; secrets
 * travel in [Pointer]s to native memory this binding wipes itself, since JNA's own copies of an
 * array are freed without being wiped.
 */
internal interface SigmintLibrary : Library {
    fun sigmint_result_str(result: Int): String

    fun sigmint_result_name(result: Int): String

    fun sigmint_key_init(key: Pointer, secret: Pointer?, len: SizeT): Int

    fun sigmint_key_init_base64(key: Memory, b64: Pointer?, len: SizeT): Int

    fun sigmint_key_clear(key: Pointer): Int

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

    fun sigmint_scheme_init(
        scheme: Memory,
        template: Pointer?,
        templateLen: SizeT,
        secretEncoding: Int,
        tagEncoding: Int,
        prefix: Pointer?,
        prefixLen: SizeT
    ): Int

    fun sigmint_scheme_preset(scheme: Memory, name: ByteArray, nameLen: SizeT): Int

    fun sigmint_scheme_key(scheme: Memory, key: Memory, secret: Pointer?, len: SizeT): Int

    fun sigmint_scheme_sign(
        scheme: Memory,
        key: Memory,
        parts: Parts,
        out: ByteArray,
        outCap: SizeT,
        outLen: SizeTRef
    ): Int

    fun sigmint_scheme_verify(scheme: Memory, key: Memory, parts: Parts, signature: ByteArray, signatureLen: SizeT): Int

    fun sigmint_scheme_string_to_sign(scheme: Memory, parts: Parts, out: ByteArray?, outCap: SizeT, outLen: SizeTRef): Int

    fun sigmint_webhook_sign(
        provider: ByteArray,
        providerLen: SizeT,
        key: Memory,
        body: ByteArray,
        bodyLen: SizeT,
        timestampS: Long,
        headers: Pointer?,
        headersCap: SizeT,
        headersLen: SizeTRef,
        out: Pointer?,
        outCap: SizeT,
        outLen: SizeTRef
    ): Int

    fun sigmint_webhook_verify(
        provider: ByteArray,
        providerLen: SizeT,
        keys: Pointer?,
        keyCount: SizeT,
        headers: Pointer?,
        headerCount: SizeT,
        body: ByteArray,
        bodyLen: SizeT,
        nowS: Long,
        toleranceS: Long,
        replay: Memory?,
        keyIndex: SizeTRef,
        refusedHeader: Str
    ): Int

    fun sigmint_replay_init(replay: Memory, slots: Memory?, count: SizeT): Int

    companion object {
        /** The library, loaded once: `libsigmint.so` from `jna.library.path` or, on Android, the APK's jniLibs. */
        val lib: SigmintLibrary = Native.load("sigmint", SigmintLibrary::class.java)
    }
}
