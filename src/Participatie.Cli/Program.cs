using Participatie.Cli.Commands;

return await ParticipatieCommand.Create().Parse(args).InvokeAsync();
