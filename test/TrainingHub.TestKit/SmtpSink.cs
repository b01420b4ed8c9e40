using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace TrainingHub.TestKit;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, installed by ./test.sh) that keeps every message it receives
/// in a Maildir. A test can stop it and start it again on the same port to see how the app copes.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("traininghub-smtp-").FullName;
    private Process? _process;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public string Host => "127.0.0.1";

    public static async Task<SmtpSink> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sink = new SmtpSink(port);
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(sink._folder, sub));
        }
        await sink.ResumeAsync();
        return sink;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        Directory.GetFiles(Path.Combine(_folder, "new")).Select(f => (File.GetLastWriteTimeUtc(f), MimeMessage.Load(f)))
            .OrderBy(m => m.Item1).Select(m => m.Item2).ToList();

    /// <summary>Waits for the first message to <paramref name="address"/>, as its recipient would.</summary>
    public Task<MimeMessage> MessageToAsync(string address, TimeSpan? within = null) =>
        Eventually.FoundAsync(() => Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)),
            $"a message to {address} at the mail server", within);

    /// <summary>Starts (or restarts) the server and waits until it accepts connections.</summary>
    public async Task ResumeAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start; ./test.sh installs python3-aiosmtpd.");
        var process = _process;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(Host, Port);
                return true;
            }
            catch (SocketException) when (!process.HasExited)
            {
                return false;
            }
        }, $"the SMTP sink to answer on port {Port}", TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops the server, as when the mail server is down.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
