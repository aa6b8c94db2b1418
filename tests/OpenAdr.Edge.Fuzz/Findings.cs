using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace OpenAdr.Edge.Fuzz;

/// <summary>
/// Outcomes that are not allowed: each is counted under a signature (where it happened, the exception type and the
/// first frame of ours in its stack); the first few inputs of each signature are saved to the findings folder with
/// a note beside them, and the first of each is printed in full.
/// </summary>
public sealed class Findings(string? folder, TextWriter log)
{
    private const int SavedPerSignature = 3;
    private readonly Dictionary<string, int> _bySignature = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public long Count { get; private set; }

    public IReadOnlyDictionary<string, int> BySignature
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_bySignature, StringComparer.Ordinal);
            }
        }
    }

    public void Add(string where, Exception? exception, string detail, byte[] input, string kinds)
    {
        var signature = where + ": " + (exception is null ? detail : exception.GetType().Name + " " + FirstFrame(exception));
        int seen;
        lock (_gate)
        {
            Count++;
            _bySignature.TryGetValue(signature, out seen);
            _bySignature[signature] = seen + 1;
        }

        if (seen >= SavedPerSignature)
        {
            return;
        }

        var note = $"{signature}\nmutations: {kinds}\n{detail}\n{exception}\n";
        string? saved = null;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            var name = where.Replace(' ', '-') + "-" + Convert.ToHexStringLower(SHA256.HashData(input))[..12];
            saved = Path.Combine(folder, name + ".bin");
            File.WriteAllBytes(saved, input);
            File.WriteAllText(Path.Combine(folder, name + ".txt"), note);
        }

        if (seen == 0)
        {
            lock (_gate)
            {
                log.WriteLine($"FINDING {note}input ({input.Length} bytes{(saved is null ? "" : ", saved to " + saved)}):");
                log.WriteLine(System.Text.Encoding.UTF8.GetString(input.AsSpan(0, Math.Min(input.Length, 4096))));
                log.WriteLine();
            }
        }
    }

    private static string FirstFrame(Exception exception)
    {
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ours = frames.FirstOrDefault(frame => frame.StartsWith("at OpenAdr.Edge.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "";
        var inFile = ours.IndexOf(" in ", StringComparison.Ordinal);
        return inFile < 0 ? ours : ours[..inFile];
    }
}
