using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenAdr.Edge.Server.Operator;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VenDto))]
[JsonSerializable(typeof(IReadOnlyList<VenDto>))]
[JsonSerializable(typeof(IReadOnlyList<EventDto>))]
[JsonSerializable(typeof(CreateEventRequest))]
[JsonSerializable(typeof(IReadOnlyList<CreatedEventDto>))]
[JsonSerializable(typeof(ModifyEventRequest))]
[JsonSerializable(typeof(ReportsDto))]
[JsonSerializable(typeof(IReadOnlyList<ReportDataDto>))]
[JsonSerializable(typeof(IReadOnlyList<OptDto>))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(AdmissionDto))]
[JsonSerializable(typeof(IReadOnlyList<AdmissionDto>))]
[JsonSerializable(typeof(SetAdmissionRequest))]
internal sealed partial class OperatorJsonContext : JsonSerializerContext;
