import Sigmint
import XCTest

/// Asserts that `expression` throws a `SigmintError` whose `code` is `code`.
func assertRefusal<T>(
    _ code: String,
    _ expression: @autoclosure () throws -> T,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let refusal = error as? SigmintError else {
            return XCTFail("not a SigmintError: \(error)", file: file, line: line)
        }
        XCTAssertEqual(refusal.code, code, file: file, line: line)
        XCTAssertFalse(refusal.message.isEmpty, file: file, line: line)
    }
}
