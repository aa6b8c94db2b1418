using System;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace OpenAdr.Edge.Server.Hosting;

/// <summary>Listen addresses as configured: <c>scheme://host:port</c> with an IP address, <c>localhost</c> or <c>*</c>.</summary>
internal static class ListenAddress
{
    /// <summary><paramref name="address"/> is null for <c>localhost</c> (the caller picks the loopback) and <see cref="IPAddress.Any"/> for <c>*</c> or <c>+</c>.</summary>
    public static bool TryParse(string url, string scheme, out IPAddress? address, out int port)
    {
        address = null;
        port = 0;
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!string.Equals(binding.Scheme, scheme, StringComparison.OrdinalIgnoreCase) || binding.IsUnixPipe || binding.IsNamedPipe
            || binding.PathBase.Length > 0 || binding.Port is < 0 or > 65535)
        {
            return false;
        }

        port = binding.Port;
        var host = binding.Host.Trim('[', ']');
        if (host is "*" or "+")
        {
            address = IPAddress.Any;
            return true;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out address);
    }
}
