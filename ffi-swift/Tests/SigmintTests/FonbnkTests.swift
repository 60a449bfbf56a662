import Foundation // String.contains(_:) on every platform and deployment target
import Sigmint
import XCTest

/// The Fonbnk cases of tests/vectors/fonbnk_signing.json, as the Kotlin binding tests them.
final class FonbnkTests: XCTestCase {
    let secret = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0="
    let timestampMs: UInt64 = 1_765_454_073_000
    let endpoint = "/api/v2/user/tokens"
    let signature = "dfThVIzZgIuyXiGZDMw+A8D+HlcYPz+QAZMu3H5ApKw="

    func testSignMatchesVector() throws {
        let signer = try FonbnkSigner(clientId: "my-client-id", clientSecret: secret)
        XCTAssertEqual(try signer.sign(endpoint: endpoint, timestampMs: timestampMs), signature)
    }

    func testHeaders() throws {
        let signer = try FonbnkSigner(clientId: "my-client-id", clientSecret: secret)
        XCTAssertEqual(try signer.headers(endpoint: endpoint, timestampMs: timestampMs), [
            "x-client-id": "my-client-id",
            "x-timestamp": "1765454073000",
            "x-signature": signature,
        ])
    }

    func testEndpointWithParamsAndItsSignature() throws {
        let built = try Fonbnk.endpoint("/api/v2/order-limits", params: [
            ("depositPaymentChannel", "bank"),
            ("depositCurrencyType", "fiat"),
            ("depositCurrencyCode", "NGN"),
            ("depositCountryIsoCode", "NG"),
            ("payoutPaymentChannel", "crypto"),
            ("payoutCurrencyType", "crypto"),
            ("payoutCurrencyCode", "CELO_USDT"),
        ])
        XCTAssertEqual(built, "/api/v2/order-limits?depositPaymentChannel=bank&depositCurrencyType=fiat"
            + "&depositCurrencyCode=NGN&depositCountryIsoCode=NG&payoutPaymentChannel=crypto"
            + "&payoutCurrencyType=crypto&payoutCurrencyCode=CELO_USDT")
        let signer = try FonbnkSigner(
            clientId: "my-client-id", clientSecret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        XCTAssertEqual(try signer.sign(endpoint: built, timestampMs: timestampMs),
                       "VVNusCuv2lKIxx9jNmEhlpKgtGGnL3kaO/jatDE7tNE=")
    }

    func testEndpointEncodesAsURLSearchParams() throws {
        XCTAssertEqual(try Fonbnk.endpoint(endpoint), endpoint)
        XCTAssertEqual(try Fonbnk.endpoint("/p", params: [("q", "a b"), ("name", "café")]),
                       "/p?q=a+b&name=caf%C3%A9")
    }

    func testEndpointRefusals() {
        assertRefusal("ENDPOINT_NOT_ABSOLUTE", try Fonbnk.endpoint("api/v2/user/tokens"))
        assertRefusal("PATH_HAS_QUERY", try Fonbnk.endpoint("/p?a=1", params: [("b", "2")]))
    }

    func testBadBase64Secret() {
        assertRefusal("INVALID_BASE64", try FonbnkSigner(clientId: "my-client-id", clientSecret: "not base64!"))
    }

    func testClosedSigner() throws {
        let signer = try FonbnkSigner(clientId: "my-client-id", clientSecret: secret)
        signer.close()
        assertRefusal("KEY_NOT_INITIALIZED", try signer.sign(endpoint: endpoint, timestampMs: timestampMs))
        assertRefusal("KEY_NOT_INITIALIZED", try signer.headers(endpoint: endpoint, timestampMs: timestampMs))
        signer.close() // twice is harmless
    }

    func testEmptyClientIdIsRefusedByTheLibrary() throws {
        let signer = try FonbnkSigner(clientId: "", clientSecret: secret)
        assertRefusal("INVALID_CLIENT_ID", try signer.headers(endpoint: endpoint, timestampMs: timestampMs))
    }

    func testDescriptionsHideTheSecret() throws {
        let signer = try FonbnkSigner(clientId: "my-client-id", clientSecret: secret)
        var dumped = ""
        dump(signer, to: &dumped)
        for shown in [signer.description, signer.debugDescription, String(describing: signer),
                      String(reflecting: signer), dumped] {
            XCTAssertFalse(shown.contains(secret), shown)
            XCTAssertTrue(shown.contains("my-client-id"), shown)
        }
    }
}
