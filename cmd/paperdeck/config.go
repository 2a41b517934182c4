package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/paperdeck/paperdeck/config"
	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/spf13/cobra"
)

// addConfigFlag gives every command --config, to read another file than
// the one in the config folder.
func addConfigFlag(root *cobra.Command) {
	root.PersistentFlags().String("config", "", "the config file to read (default $XDG_CONFIG_HOME/paperdeck/config.toml)")
	_ = root.MarkPersistentFlagFilename("config", "toml")
}

// configPath is the --config file, else the standard one.
func configPath(cmd *cobra.Command) (string, error) {
	if p, _ := cmd.Flags().GetString("config"); p != "" {
		return p, nil
	}
	return config.Path()
}

// loadConfig reads the config file; its problems are warnings, never an
// error: paperdeck then runs with the defaults for what it cannot use.
func loadConfig(cmd *cobra.Command) (config.Config, []config.Warning) {
	path, err := configPath(cmd)
	if err != nil {
		return config.Default(), []config.Warning{{File: "config.toml", Msg: err.Error()}}
	}
	return config.Load(path)
}

func newConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Write, find or check the config file",
		Long: `paperdeck reads $XDG_CONFIG_HOME/paperdeck/config.toml (else
~/.config/paperdeck/config.toml) when it starts, or the file --config names.
The file is optional: every key has a default. "paperdeck man" documents the
keys; "paperdeck config init" writes them all with their defaults.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newConfigInitCmd(), newConfigPathCmd(), newConfigShowCmd())
	return cmd
}

func newConfigInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write the config file with every key at its default, explained",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := configPath(cmd)
			if err != nil {
				return err
			}
			if err := writeConfigFile(path, []byte(config.DefaultFile()), force); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "wrote", path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing config file")
	return cmd
}

// writeConfigFile never replaces a file unless asked to: it may hold
// someone's settings. With force, the old file is replaced atomically.
func writeConfigFile(path string, data []byte, force bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the config folder: %w", err)
	}
	if force {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return fmt.Errorf("%s is a folder, not a config file", path)
		}
		_, err := localfile.WriteAtomic(path, data) // through a symlink, the link kept
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; add --force to overwrite it with the defaults", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

func newConfigPathCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "path",
		Short: "Print where the config file is read from (it may not exist)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := configPath(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), path)
			return nil
		},
	}
}

func newConfigShowCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "Print the settings paperdeck uses, and any problem with the file",
		Long: `Print the settings paperdeck uses: the config file's values over the
defaults, as a config file. Problems with the file go to stderr, one line
each, and make the exit status 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := configPath(cmd)
			if err != nil {
				return err
			}
			cfg, warns := config.Load(path)
			out := cmd.OutOrStdout()
			if cfg.Path != "" {
				fmt.Fprintf(out, "# read from %s\n", path)
			} else if len(warns) == 0 {
				fmt.Fprintf(out, "# %s does not exist: these are the defaults\n", path)
			}
			fmt.Fprint(out, cfg.Format())
			for _, w := range warns {
				fmt.Fprintln(cmd.ErrOrStderr(), "paperdeck:", w)
			}
			if len(warns) > 0 {
				return exitError{1, errConfigProblems}
			}
			return nil
		},
	}
}

var errConfigProblems = errors.New("the config file has problems (above)")
