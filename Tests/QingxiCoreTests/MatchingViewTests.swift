import Testing
@testable import QingxiCore

@Suite struct MatchingViewTests {
    @Test func foldsFullWidthASCIIButKeepsChinesePunctuation() {
        #expect(MatchingView.foldWidth("ＡＢＣ１２３　责编：王") == "ABC123 责编：王")
        #expect(MatchingView.foldWidth("（记者）！？，；") == "（记者）！？，；")
    }

    @Test func jsonValueEncodesInKeyOrder() {
        let value = JSONValue.object([("b", .int(1)), ("a", .string("引\"号\n")), ("c", .array([.bool(true), .null]))])
        #expect(String(decoding: value.encoded(), as: UTF8.self) == #"{"b":1,"a":"引\"号\n","c":[true,null]}"#)
        #expect(String(decoding: JSONValue.double(0.93456).encoded(), as: UTF8.self) == "0.9346")
    }
}
