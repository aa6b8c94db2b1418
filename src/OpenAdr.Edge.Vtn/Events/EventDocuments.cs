using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>An event is stored as an oadrDistributeEvent holding only it.</summary>
internal static class EventDocuments
{
    /// <summary>The event of VEN <paramref name="venId"/> (whose own target it may hold as <see cref="OwnTarget.Marker"/>).</summary>
    public static byte[] Write(OadrEvent oadrEvent, string venId) =>
        Documents.Write(new OadrDistributeEvent { RequestId = "stored", VtnId = "stored", OadrEvents = [OwnTarget.WrittenOut(oadrEvent, venId)] });

    public static OadrEvent Read(byte[] document) => Documents.Read<OadrDistributeEvent>(document).OadrEvents[0];
}
