import ArgumentParser
import QingxiCore

@main
struct Qingxi: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "qingxi", abstract: "Clean Chinese news text.")
}
