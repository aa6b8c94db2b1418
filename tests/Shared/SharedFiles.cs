using System;
using System.IO;
using Xunit;

namespace OpenAdr.Edge.Tests;

/// <summary>
/// The ../shared folder beside the repository (schemas, interop messages). Tests that need it report themselves
/// skipped, with the reason, when it is absent; CI fails on any skip.
/// </summary>
internal static class SharedFiles
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpenAdr.Edge.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Tests must run inside the repository.");
        }
    }

    /// <summary>The path of a file or folder under ../shared, or a skip when ../shared is not there.</summary>
    public static string Get(string relative)
    {
        var root = s_root.Value;
        if (root is null)
        {
            Assert.Skip($"../shared is not beside the repository ({RepositoryRoot}); this test reads ../shared/{relative}.");
        }

        var path = System.IO.Path.Combine(root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"../shared/{relative} is missing.");
        }

        return path;
    }

    private static string? FindRoot()
    {
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
