// The workstation widgets live in this module.
