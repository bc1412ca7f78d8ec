using Participatie.Silo;

// One process: an Orleans silo with the gRPC gateway co-hosted. Configuration picks the storage profile.
await SiloApp.Build(args).RunAsync();
