using System;
using OpenAdr.Edge.Server.Cli;

return await EdgeCommandLine.RunAsync(args, Console.Out, Console.Error);
