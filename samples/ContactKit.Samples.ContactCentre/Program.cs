using ContactKit.Samples.ContactCentre;

// Runs every part of the contact-centre sample in turn and prints what each one did.
return await ContactCentreSample.RunAsync(Console.Out);
