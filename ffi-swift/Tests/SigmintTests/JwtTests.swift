import Sigmint
import XCTest

/// `valid[0]` of tests/vectors/jwt_hs256.json (the Fonbnk-shaped access token).
final class JwtTests: XCTestCase {
    let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyRGF0YSI6eyJ1c2VybmFtZSI6InVzZXIjLWhsRjNmek8iLCJfaWQiOiI2OTI4MWQ0ZjE4NjEzYmM5ZGU3MmVkOGUiLCJpc0RldlVzZXIiOmZhbHNlLCJjb3VudHJ5SXNvQ29kZSI6Ik5HIiwiaXNBbWJhc3NhZG9yIjpmYWxzZSwiZW1haWwiOiJ0ZXN0dXNlcituZ0Bmb25ibmsuY29tIn0sInR5cGUiOiJhY2Nlc3MiLCJ1aWQiOiIwMUtDNk02TTJEVkZSSzkxNUtZUTdQQkJBUCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjo0MTAyNDQ0ODAwfQ.IdpPN2d8X3-jscfk2xS_MoSOvat2eeouMRL90ERQTqE"
    /// key_hex 666f6e62… of the vector, which is this ASCII text.
    let key = Array("fonbnk-test-signing-key-0123456789abcdef".utf8)
    let claims = #"{"userData":{"username":"user#-hlF3fzO","_id":"69281d4f18613bc9de72ed8e","isDevUser":false,"countryIsoCode":"NG","isAmbassador":false,"email":"testuser+ng@fonbnk.com"},"type":"access","uid":"01KC6M6M2DVFRK915KYQ7PBBAP","iat":1765454073,"exp":4102444800}"#
    /// A minute after `iat`.
    let now: Int64 = 1_765_454_133

    func testDecodeReturnsTheClaimsJSON() throws {
        XCTAssertEqual(try Jwt.decode(token: token, key: key, nowSeconds: now), claims)
    }

    func testExpired() {
        // exp is 4102444800: expired from that second on (PyJWT's rule, with no leeway).
        assertRefusal("EXPIRED", try Jwt.decode(token: token, key: key, nowSeconds: 4_102_444_800))
        XCTAssertNoThrow(try Jwt.decode(token: token, key: key, nowSeconds: 4_102_444_799))
    }

    func testOtherRefusals() {
        assertRefusal("INVALID_SIGNATURE", try Jwt.decode(token: token, key: Array("another-key".utf8), nowSeconds: now))
        assertRefusal("ISSUED_IN_FUTURE", try Jwt.decode(token: token, key: key, nowSeconds: 1_765_454_000))
        assertRefusal("MALFORMED_TOKEN", try Jwt.decode(token: "abc", key: key, nowSeconds: now))
        assertRefusal("EMPTY_KEY", try Jwt.decode(token: token, key: [], nowSeconds: now))
    }
}
