using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenAdr.Edge.Tests;

namespace OpenAdr.Edge.Payloads.Tests;

/// <summary>The OpenLEADR wire messages under ../shared/interop/openleadr.</summary>
internal static class Interop
{
    public const string Folder = "interop/openleadr";

    /// <summary>Stands in for the file list when ../shared is absent, so the theory reports a skip instead of no test at all.</summary>
    public const string Missing = "(../shared/interop/openleadr is absent)";

    /// <summary>
    /// Paths relative to interop/openleadr of every message: the VEN-to-VTN and VTN-to-VEN files of all folders, and the
    /// signed examples. Computed without skipping, for theory data.
    /// </summary>
    public static IReadOnlyList<string> Files()
    {
        var root = Path.GetFullPath(Path.Combine(SharedFiles.RepositoryRoot, "..", "shared", Folder));
        if (!Directory.Exists(root))
        {
            return [Missing];
        }

        return Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => relative.Contains("_VEN-to-VTN_", StringComparison.Ordinal)
                || relative.Contains("_VTN-to-VEN_", StringComparison.Ordinal)
                || relative.StartsWith("signed-examples/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static byte[] Bytes(string relative) => File.ReadAllBytes(SharedFiles.Get(Folder + "/" + relative));

    /// <summary>oadrPoll from <c>009_1_VEN-to-VTN_OadrPoll_oadrPoll.xml</c> or from <c>01_VEN_oadrPoll.signed.xml</c>.</summary>
    public static string MessageType(string relative)
    {
        var name = Path.GetFileName(relative);
        name = name[..name.IndexOf('.', StringComparison.Ordinal)];
        return name[(name.LastIndexOf('_') + 1)..];
    }

    public static bool IsSigned(string relative) => relative.StartsWith("signed-examples/", StringComparison.Ordinal);

    /// <summary>The index.tsv row of a file (message_type, request_ids), or null when its folder has no index or does not list it.</summary>
    public static IndexRow? IndexEntry(string relative)
    {
        var folder = Path.GetDirectoryName(relative) ?? "";
        var index = SharedFiles.Get(Folder);
        var path = Path.Combine(index, folder, "index.tsv");
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        var file = Array.IndexOf(header, "file");
        var type = Array.IndexOf(header, "message_type");
        var ids = Array.IndexOf(header, "request_ids");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells[file] == Path.GetFileName(relative))
            {
                return new IndexRow(cells[type], cells[ids]);
            }
        }

        return null;
    }

    internal sealed record IndexRow(string MessageType, string RequestIds);
}
