using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using OpenAdr.Edge.VenSession;

// A scripted VEN session against a running openadr-edge; .ci/run runs it (NativeAOT) against the published binary.
if (!SessionOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SessionOptions.Usage);
    return 2;
}

Session session;
try
{
    session = new Session(options);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
{
    Console.Error.WriteLine($"Cannot read the VEN's certificate, key or CA: {e.Message}");
    return 2;
}

using (session)
{
    using var timeout = new CancellationTokenSource(options.Timeout);
    return await session.RunAsync(Console.Out, timeout.Token);
}
