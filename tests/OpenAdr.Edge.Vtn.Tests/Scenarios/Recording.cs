using System;
using System.Collections.Generic;
using System.IO;
using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Tests;
using Xunit;

namespace OpenAdr.Edge.Vtn.Tests.Scenarios;

/// <summary>One request of a recorded OpenLEADR VEN, the endpoint it went to, and what OpenLEADR's VTN answered.</summary>
internal sealed record RecordedExchange(string File, OpenAdrService Service, OadrMessage Request, OadrMessage RecordedAnswer);

/// <summary>A folder of ../shared/interop/openleadr: the VEN's requests in file order, parsed from the real bytes.</summary>
internal sealed class Recording
{
    private Recording(string folder, List<RecordedExchange> exchanges)
    {
        Folder = folder;
        Exchanges = exchanges;
    }

    public string Folder { get; }

    public IReadOnlyList<RecordedExchange> Exchanges { get; }

    /// <param name="folder">"." for the top-level recording, or a variant's folder name.</param>
    public static Recording Load(string folder)
    {
        var directory = SharedFiles.Get(folder == "." ? "interop/openleadr" : "interop/openleadr/" + folder);
        var requests = Directory.GetFiles(directory, "*_VEN-to-VTN_*.xml");
        Array.Sort(requests, StringComparer.Ordinal);
        var exchanges = new List<RecordedExchange>(requests.Length);
        foreach (var path in requests)
        {
            // NNN_1_VEN-to-VTN_<Service>_<messageType>.xml, answered by NNN_2_VTN-to-VEN_<Service>_<messageType>.xml
            var name = Path.GetFileName(path);
            var parts = name.Split('_');
            var answer = Assert.Single(Directory.GetFiles(directory, parts[0] + "_2_VTN-to-VEN_*.xml"));
            exchanges.Add(new RecordedExchange(name, Enum.Parse<OpenAdrService>(parts[3]), Read(path), Read(answer)));
        }

        Assert.NotEmpty(exchanges);
        return new Recording(folder, exchanges);
    }

    /// <summary>The first recorded answer of a type that satisfies <paramref name="match"/>.</summary>
    public T FirstAnswer<T>(Func<T, bool>? match = null)
        where T : OadrMessage
    {
        foreach (var exchange in Exchanges)
        {
            if (exchange.RecordedAnswer is T answer && (match is null || match(answer)))
            {
                return answer;
            }
        }

        Assert.Fail($"The recording in {Folder} has no {typeof(T).Name} answer of that kind.");
        return null!;
    }

    public T FirstRequest<T>()
        where T : OadrMessage
    {
        foreach (var exchange in Exchanges)
        {
            if (exchange.Request is T request)
            {
                return request;
            }
        }

        Assert.Fail($"The recording in {Folder} has no {typeof(T).Name} request.");
        return null!;
    }

    private static OadrMessage Read(string path) => OadrPayload.Read(File.ReadAllBytes(path)).OadrSignedObject.Message;
}
