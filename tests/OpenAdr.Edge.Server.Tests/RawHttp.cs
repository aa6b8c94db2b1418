using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary>
/// A client connection that writes requests byte for byte, lies and all (what HttpClient will not send), and reads
/// what the server answers, if anything, until it closes.
/// </summary>
internal sealed class RawHttp : IAsyncDisposable
{
    private readonly Socket _socket;

    private RawHttp(Socket socket) => _socket = socket;

    public static async Task<RawHttp> ConnectAsync(Uri server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(server.Host), server.Port), TestContext.Current.CancellationToken);
        return new RawHttp(socket);
    }

    /// <summary>The head of a POST to an OpenADR service, without its body.</summary>
    public static string Head(string service, string framing, string contentType = "application/xml") =>
        $"POST {EdgeServer.Prefix}{service} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\n{framing}\r\n";

    public Task<bool> SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends bytes; false when the server has closed the connection already.</summary>
    public async Task<bool> SendAsync(byte[] bytes)
    {
        try
        {
            await _socket.SendAsync(bytes, SocketFlags.None, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Tells the server nothing more comes (a half-close): it sees the end of the body.</summary>
    public void EndSending() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Whether the server has closed the connection (a read that ends or is reset), without waiting.</summary>
    public bool IsClosedByServer => _socket.Poll(0, SelectMode.SelectRead) && (_socket.Available == 0 || !_socket.Connected);

    /// <summary>Everything the server sends until it closes the connection.</summary>
    public async Task<string> ReadToEndAsync()
    {
        var answer = new StringBuilder();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Current.CancellationToken)) > 0)
            {
                answer.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (SocketException)
        {
            // A reset ends it too.
        }

        return answer.ToString();
    }

    /// <summary>One response (head and Content-Length body) on a connection that stays open; its status, or null when the server closed it.</summary>
    public async Task<int?> ReadResponseAsync()
    {
        var received = new System.Collections.Generic.List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.Latin1.GetString(received.ToArray());
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd >= 0)
            {
                var lengthLine = text[..headEnd].Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                if (received.Count >= headEnd + 4 + length)
                {
                    return StatusOf(text);
                }
            }

            int read;
            try
            {
                read = await _socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Current.CancellationToken);
            }
            catch (SocketException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            received.AddRange(new ArraySegment<byte>(buffer, 0, read));
        }
    }

    /// <summary>The status code of the first response in <paramref name="answer"/>, or null when there is none.</summary>
    public static int? StatusOf(string answer) =>
        answer.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && answer.Length >= 12 ? int.Parse(answer.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : null;

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
