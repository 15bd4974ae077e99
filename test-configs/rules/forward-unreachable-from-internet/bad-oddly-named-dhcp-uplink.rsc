# The uplink is named uplink-a and is in no interface list: its DHCP client makes it the WAN. The forward
# chain drops new connections in on it without the connection-nat-state=!dstnat exception.
/interface ethernet set [ find default-name=ether1 ] name=uplink-a
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/ip address add address=192.168.88.1/24 interface=bridge
/ip dhcp-client add interface=uplink-a
/ip dhcp-server add interface=bridge name=lan-dhcp
/ip firewall nat add chain=srcnat action=masquerade out-interface=uplink-a
/ip firewall nat add chain=dstnat in-interface=uplink-a protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10 # expect: dstnat-unreachable-from-lan, forward-unreachable-from-internet
/ip firewall filter add chain=forward action=accept connection-state=established,related
/ip firewall filter add chain=forward action=drop connection-state=new in-interface=uplink-a comment="drop new from the uplink"
