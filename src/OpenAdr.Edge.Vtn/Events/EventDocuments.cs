using OpenAdr.Edge.Payloads;
using OpenAdr.Edge.Vtn.Storage;

namespace OpenAdr.Edge.Vtn.Events;

/// <summary>An event is stored as an oadrDistributeEvent holding only it.</summary>
internal static class EventDocuments
{
    public static byte[] Write(OadrEvent oadrEvent) =>
        Documents.Write(new OadrDistributeEvent { RequestId = "stored", VtnId = "stored", OadrEvents = [oadrEvent] });

    public static OadrEvent Read(byte[] document) => Documents.Read<OadrDistributeEvent>(document).OadrEvents[0];
}
