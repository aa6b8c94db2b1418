using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenAdr.Edge.Server.Operator;
using Xunit;

namespace OpenAdr.Edge.Server.Tests;

/// <summary><c>/api/openapi.json</c>: written by hand, so these tests hold it to the endpoints and DTOs the code has.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task The_document_is_openapi_3_0_served_on_the_operator_listener_and_names_every_api_endpoint_and_no_other()
    {
        await using var server = await EdgeServer.StartAsync();
        var response = await server.Operator.GetAsync("/api/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        Assert.StartsWith("3.0.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);

        var documented = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(operation => s_methods.Contains(operation.Name)).Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .ToHashSet();
        var api = mapped.Where(route => route.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal)).ToList();

        Assert.True(api.Count >= 16, $"Only {api.Count} endpoints under /api were found: {string.Join(", ", api)}");
        var undocumented = api.Where(route => !documented.Contains(route)).ToList();
        Assert.True(undocumented.Count == 0, "Not in openapi.json: " + string.Join(", ", undocumented));
        var unmapped = documented.Where(route => !mapped.Contains(route)).ToList();
        Assert.True(unmapped.Count == 0, "In openapi.json but not mapped: " + string.Join(", ", unmapped));
    }

    [Fact]
    public void Each_schema_names_exactly_the_json_properties_of_its_dto()
    {
        using var document = JsonDocument.Parse(OperatorEndpoints.OpenApiDocument);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var checkedTypes = new List<string>();
        foreach (var schema in schemas.EnumerateObject().Where(schema => schema.Name != "Duration"))
        {
            var type = typeof(ErrorDto).Assembly.GetType($"{typeof(ErrorDto).Namespace}.{schema.Name}");
            Assert.True(type is not null, $"Schema {schema.Name} names no DTO.");
            var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order();
            var documented = schema.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
            Assert.Equal(expected, documented);
            var required = schema.Value.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToList() : [];
            Assert.All(required, name => Assert.Contains(name, documented));
            checkedTypes.Add(schema.Name);
        }

        var dtos = typeof(ErrorDto).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(ErrorDto).Namespace && (t.Name.EndsWith("Dto", StringComparison.Ordinal) || t.Name.EndsWith("Request", StringComparison.Ordinal)))
            .Select(t => t.Name);
        Assert.Equal(dtos.Order(), checkedTypes.Order());
    }
}
