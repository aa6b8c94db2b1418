using System;
using System.Reflection;
using OpenAdr.Edge.Server.Hosting;
using OpenAdr.Edge.Server.Security;

if (args is ["--version"])
{
    Console.WriteLine("openadr-edge " + typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    return 0;
}

if (args is ["cert", .. var certArgs])
{
    return CertificateTool.Run(certArgs, Console.Out, Console.Error);
}

var serveArgs = args is ["serve", .. var rest] ? rest : args;
try
{
    var app = await EdgeApp.BuildAsync(serveArgs);
    await app.RunAsync();
    return 0;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Invalid configuration", StringComparison.Ordinal))
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
