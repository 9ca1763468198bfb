import ArgumentParser
import QingxiCore
#if canImport(Glibc)
import Glibc
#endif

/// The `qingxi` command: parses arguments, wires stages, maps errors to the documented exit codes
/// (0 ok, 1 bad input data, 2 usage or I/O). A closed output pipe ends the run quietly with 0.
@main
struct Qingxi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qingxi",
        abstract: "Clean Chinese news text: convert scripts, strip boilerplate, drop duplicates, find policy terms.",
        discussion: "Exit codes: 0 ok, 1 bad input data (search: no hits), 2 usage or I/O error.",
        version: Qingxi.version,
        subcommands: [Clean.self, Convert.self, Strip.self, Dedup.self, Keywords.self, Batch.self, IndexCommand.self,
                      SearchCommand.self, Profile.self, Df.self, Tokens.self]
    )

    /// What `qingxi --version` prints.
    static let version = "qingxi 0.1.0"

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let messages = MessageWriter()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch is BrokenPipe {
            Glibc.exit(0)
        } catch let error as QingxiError {
            messages.line("qingxi: \(error.description)")
            Glibc.exit(error.exitCode)
        } catch let error as ICUError {
            messages.line("qingxi: error: \(error.description)")
            Glibc.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let text = fullMessage(for: error)
                try? OutputWriter(fd: 1, name: "<stdout>").write(text + "\n")
                Glibc.exit(0)
            }
            messages.line(fullMessage(for: error))
            Glibc.exit(2)
        }
    }
}
