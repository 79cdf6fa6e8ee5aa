import Testing
import Transports

/// A shared subscription's frames are built from a prefix made once per subscriber: with
/// the response and `}` after it, it is the very frame the state machine sends.
@Suite struct NextFramePrefixTests {
    @Test(arguments: ["1", "sub-42", #"a "quoted" \ id"#, "é✓"])
    func thePrefixAndTheResponseMakeTheMachinesFrame(id: String) {
        let response = Array(#"{"data":{"n":1}}"#.utf8)
        #expect(
            TransportWSStateMachine.nextFramePrefix(id: id) + response + [UInt8(ascii: "}")]
                == TransportWSServerMessage.next(id: id, response: response).text)
        #expect(
            LegacyWSStateMachine.nextFramePrefix(id: id) + response + [UInt8(ascii: "}")]
                == LegacyWSServerMessage.data(id: id, response: response).text)
    }
}
